/** `agorad tx social ...` (profiles, posts, the graph, tips, moderation) and `agorad query social ...`. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import * as q from "../../../generated/proto/agora/social/v1/query.js";
import { CliError, DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import { checkAddress } from "./coins.js";
import { addBroadcastOptions, broadcast, NODE_HELP, reportTx, type SendFlags } from "./commands.js";
import { pageFlags, parseId, resolveAppealProposal, socialMsgs, socialQuery, updateParamsProposal, type SocialMsgBuilder } from "./social.js";
import { signAndBroadcast } from "./tx.js";

type TxFlags = SendFlags & { from: string };

/** One `tx social` command: its usage, what it does, and the message its arguments build. */
function txCommand(social: Command, usage: string, description: string, build: (args: string[], flags: Record<string, string | undefined>) => SocialMsgBuilder, extra: (cmd: Command) => Command = (c) => c) {
  extra(addBroadcastOptions(social.command(usage)))
    .description(description)
    .requiredOption("--from <key_or_address>", "the signing account")
    .action(async (...all: unknown[]) => {
      const cmd = all[all.length - 1] as Command;
      const flags = all[all.length - 2] as TxFlags & Record<string, string | undefined>;
      const message = build(all.slice(0, -2) as string[], flags);
      reportTx(cmd, await signAndBroadcast(broadcast(flags.from, flags, cmd), (signer) => [message(signer)]));
    });
}

/** Prints a proposal.json for a message only the gov authority signs. */
function printProposal(cmd: Command, proposal: Record<string, unknown>, msgName: string): void {
  const options = globalOptions(cmd);
  if (options.output === "text") process.stderr.write(`${msgName} is signed by the governance authority: set the deposit, then \`agorad tx gov submit-proposal proposal.json --from <key>\`\n`);
  printResult(options, proposal, JSON.stringify(proposal, null, 2));
}

const media = (cmd: Command) => cmd.option("--content-hash <hex>", "SHA-256 (hex) of media stored elsewhere").option("--uri <uri>", "where the hashed media is");

export function registerSocialTxCommands(tx: Command): void {
  const social = tx.command("social").description("social transactions (agora.social.v1): profiles, posts, follows, reactions, tips, moderation");
  txCommand(social, "set-profile <handle>", "create or update your profile; a new handle releases the old one after a cooldown", ([handle], f) => socialMsgs.setProfile(handle!, f), (c) =>
    c.option("--display-name <name>", "shown next to the handle").option("--bio <text>", "a short bio").option("--avatar-uri <uri>", "an avatar image URI"),
  );
  txCommand(social, "post <text>", "post text (up to max_post_bytes), or \"\" with --content-hash and --uri for larger media", ([text], f) => socialMsgs.post(text!, f), (c) => media(c).option("--reply-to <post_id>", "reply to this post"));
  txCommand(social, "reply <post_id> <text>", "reply to a post", ([postId, text], f) => socialMsgs.post(text!, { ...f, replyTo: postId }), media);
  txCommand(social, "repost <post_id>", "repost a post to your followers", ([postId]) => socialMsgs.repost(postId!));
  txCommand(social, "edit <post_id> <text>", "replace your post's content; the earlier one stays as a revision", ([postId, text], f) => socialMsgs.edit(postId!, text!, f), media);
  txCommand(social, "delete <post_id>", "delete your post's content and revisions; the id and replies remain", ([postId]) => socialMsgs.delete(postId!));
  txCommand(social, "follow <address>", "follow an account", ([address]) => socialMsgs.follow(address!));
  txCommand(social, "unfollow <address>", "stop following an account", ([address]) => socialMsgs.unfollow(address!));
  txCommand(social, "block <address>", "block an account: it can no longer follow you or reply to you", ([address]) => socialMsgs.block(address!));
  txCommand(social, "unblock <address>", "lift a block", ([address]) => socialMsgs.unblock(address!));
  txCommand(social, "react <post_id> <kind>", "react to a post (kinds: agorad query social params)", ([postId, kind]) => socialMsgs.react(postId!, kind!));
  txCommand(social, "unreact <post_id> <kind>", "take a reaction back", ([postId, kind]) => socialMsgs.unreact(postId!, kind!));
  txCommand(social, "tip <post_id> <amount>", "send coins to a post's author, e.g. 100uagora", ([postId, amount]) => socialMsgs.tip(postId!, amount!));
  txCommand(social, "report <post_id> <reason>", "report a post for moderators to review", ([postId, reason]) => socialMsgs.report(postId!, reason!));
  txCommand(social, "moderate <post_id> <hide|restore> <reason_code>", "hide or restore a post (moderator role holders), e.g. `moderate 12 hide spam`", ([postId, action, code]) => socialMsgs.moderate(postId!, action!, code!));
  txCommand(social, "appeal <post_id> [statement]", "appeal the hiding of your post", ([postId, statement]) => socialMsgs.appeal(postId!, statement ?? ""));
  txCommand(social, "support-appeal <appeal_id>", "support an open appeal; enough supporters escalate it to governance", ([appealId]) => socialMsgs.supportAppeal(appealId!));
  social
    .command("resolve-appeal <appeal_id> <restore|reject> [reason]")
    .description("print a proposal.json deciding an escalated appeal (only governance signs MsgResolveAppeal)")
    .action((appealId: string, decision: string, reason: string | undefined, _flags: unknown, cmd: Command) => printProposal(cmd, resolveAppealProposal({ appealId, decision, reason: reason ?? "" }), "MsgResolveAppeal"));
  social
    .command("update-params <params_json_file>")
    .description("print a proposal.json setting the social params (start from `agorad query social params --output json`)")
    .action((file: string, _flags: unknown, cmd: Command) => {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, "utf8"));
      } catch (err) {
        throw new CliError(`cannot read params from ${file}: ${(err as Error).message}`);
      }
      printProposal(cmd, updateParamsProposal(json), "MsgUpdateParams");
    });
}

/** A post as one line of text: `#12 agora1... (reply to #3): hello`. */
function postLine(view: Record<string, any>): string {
  const p = view["post"] ?? {};
  const flags = [p["reply_to"] ? `reply to #${p["reply_to"]}` : "", p["repost_of"] ? `repost of #${p["repost_of"]}` : "", p["hidden"] ? "hidden" : "", p["deleted"] ? "deleted" : ""].filter(Boolean);
  return `#${p["id"]} ${p["author"]}${flags.length ? ` (${flags.join(", ")})` : ""}: ${p["content"]?.["text"] ?? p["content"]?.["uri"] ?? ""}`;
}

function postsText(res: Record<string, any>): string {
  const posts = (res["posts"] ?? []) as Record<string, any>[];
  const next = res["pagination"]?.["next_key"];
  return (posts.length ? posts.map(postLine).join("\n") : "(no posts)") + (next ? `\nnext page: --page-key ${next}` : "");
}

export function registerSocialQueryCommands(query: Command): void {
  const social = query.command("social").description("social queries (agora.social.v1)");
  const cmd = (usage: string, description: string, paged = false) => {
    const c = social.command(usage).description(description).option("--node <url>", NODE_HELP, DEFAULT_NODE);
    return paged ? c.option("--limit <n>", "at most this many").option("--page-key <base64>", "the next_key a previous page printed") : c;
  };
  type Flags = { node: string; limit?: string; pageKey?: string };
  cmd("params", "the social params").action(async (f: Flags, c: Command) => printResult(globalOptions(c), await socialQuery(f.node, "params", "Params", q.QueryParamsRequest, {}, q.QueryParamsResponse)));
  cmd("profile <handle_or_address>", "a profile by @handle or by address").action(async (who: string, f: Flags, c: Command) => {
    const res = who.startsWith("agora1")
      ? await socialQuery(f.node, "profile", "ProfileByAddress", q.QueryProfileByAddressRequest, { address: checkAddress(who) }, q.QueryProfileByAddressResponse)
      : await socialQuery(f.node, "profile", "ProfileByHandle", q.QueryProfileByHandleRequest, { handle: who }, q.QueryProfileByHandleResponse);
    printResult(globalOptions(c), res);
  });
  cmd("post <id>", "a post by id, hidden and deleted ones too, with its reactions and tips").action(async (id: string, f: Flags, c: Command) =>
    printResult(globalOptions(c), await socialQuery(f.node, "post", "Post", q.QueryPostRequest, { id: parseId(id, "post id") }, q.QueryPostResponse)),
  );
  cmd("revisions <id>", "a post's earlier contents").action(async (id: string, f: Flags, c: Command) =>
    printResult(globalOptions(c), await socialQuery(f.node, "revisions", "PostRevisions", q.QueryPostRevisionsRequest, { id: parseId(id, "post id") }, q.QueryPostRevisionsResponse)),
  );
  cmd("posts <address>", "an account's visible posts, newest first", true).action(async (address: string, f: Flags, c: Command) => {
    const res = await socialQuery(f.node, "posts", "PostsByAuthor", q.QueryPostsByAuthorRequest, { author: checkAddress(address), pagination: pageFlags(f) }, q.QueryPostsByAuthorResponse);
    printResult(globalOptions(c), res, postsText(res));
  });
  cmd("replies <post_id>", "a post's visible replies, oldest first", true).action(async (id: string, f: Flags, c: Command) => {
    const res = await socialQuery(f.node, "replies", "Replies", q.QueryRepliesRequest, { postId: parseId(id, "post id"), pagination: pageFlags(f) }, q.QueryRepliesResponse);
    printResult(globalOptions(c), res, postsText(res));
  });
  cmd("feed <address>", "the posts of the accounts <address> follows, newest first", true).action(async (address: string, f: Flags, c: Command) => {
    const res = await socialQuery(f.node, "feed", "Feed", q.QueryFeedRequest, { address: checkAddress(address), pagination: pageFlags(f) }, q.QueryFeedResponse);
    printResult(globalOptions(c), res, postsText(res));
  });
  cmd("followers <address>", "the accounts following <address>", true).action(async (address: string, f: Flags, c: Command) => {
    const res = await socialQuery(f.node, "followers", "Followers", q.QueryFollowersRequest, { address: checkAddress(address), pagination: pageFlags(f) }, q.QueryFollowersResponse);
    printResult(globalOptions(c), res, ((res["addresses"] as string[] | undefined) ?? []).join("\n") || "(no followers)");
  });
  cmd("following <address>", "the accounts <address> follows", true).action(async (address: string, f: Flags, c: Command) => {
    const res = await socialQuery(f.node, "following", "Following", q.QueryFollowingRequest, { address: checkAddress(address), pagination: pageFlags(f) }, q.QueryFollowingResponse);
    printResult(globalOptions(c), res, ((res["addresses"] as string[] | undefined) ?? []).join("\n") || "(follows nobody)");
  });
  cmd("reports", "reports no moderator has acted on yet, oldest first", true).action(async (f: Flags, c: Command) =>
    printResult(globalOptions(c), await socialQuery(f.node, "reports", "PendingReports", q.QueryPendingReportsRequest, { pagination: pageFlags(f) }, q.QueryPendingReportsResponse)),
  );
  cmd("appeal <id>", "an appeal, its supporters and status").action(async (id: string, f: Flags, c: Command) =>
    printResult(globalOptions(c), await socialQuery(f.node, "appeal", "Appeal", q.QueryAppealRequest, { id: parseId(id, "appeal id") }, q.QueryAppealResponse)),
  );
}
