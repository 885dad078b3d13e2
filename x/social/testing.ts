/** What the social tests share: a chain with funded actors and short-lived params, and readers. */
import assert from "node:assert/strict";
import * as q from "../../generated/proto/agora/social/v1/query.js";
import type { Params } from "../../generated/proto/agora/social/v1/social.js";
import type { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { actors, actorsGenesis, anyMsg, signed, type Actor } from "../../test/support/actors.js";
import { TestChain } from "../../test/support/chain.js";
import { defaultSocialParams } from "./params.js";
import { MsgCreatePost, MsgSetProfile } from "./types.js";

/** Params that let a test see cooldowns and escalations in a few blocks. */
export function testParams(overrides: Partial<Params> = {}): Params {
  return { ...defaultSocialParams(), handleCooldownBlocks: 3n, appealEscalationSupporters: 2, ...overrides };
}

export interface SocialChain {
  chain: TestChain;
  people: Actor[];
}

/** A chain whose genesis funds `count` actors, with `roles` grants and social params. */
export async function socialChain(chains: TestChain[], count: number, options: { params?: Params; moderators?: Actor[] | number[] } = {}): Promise<SocialChain> {
  const people = await actors(count);
  const moderators = (options.moderators ?? []).map((m) => (typeof m === "number" ? people[m]! : m));
  const chain = TestChain.open();
  chains.push(chain);
  chain.initChain(
    actorsGenesis(people, {
      roles: { grants: moderators.map((m) => ({ role: "moderator", address: m.address })) },
      social: { params: snake(options.params ?? testParams()) },
    }),
  );
  chain.block([]);
  return { chain, people };
}

function snake(params: Params): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()), typeof v === "bigint" ? v.toString() : v]));
}

/** Runs one block with one tx per entry; returns each tx's result. */
export async function run(chain: TestChain, ...txs: [Actor, { typeUrl: string; value: Uint8Array }[]][]): Promise<ExecTxResult[]> {
  const signedTxs: Uint8Array[] = [];
  for (const [who, msgs] of txs) signedTxs.push(await signed(chain, who, msgs));
  return chain.block(signedTxs).results;
}

/** Runs one tx in its own block and asserts it succeeded. */
export async function ok(chain: TestChain, who: Actor, ...msgs: { typeUrl: string; value: Uint8Array }[]): Promise<ExecTxResult> {
  const [result] = await run(chain, [who, msgs]);
  assert.equal(result!.code, 0, result!.log);
  return result!;
}

/** Runs one tx in its own block and asserts it failed with the social error `code`, matching `log`. */
export async function refused(chain: TestChain, who: Actor, msg: { typeUrl: string; value: Uint8Array }, code: { codespace: string; code: number }, log?: RegExp): Promise<ExecTxResult> {
  const [result] = await run(chain, [who, [msg]]);
  assert.equal(result!.codespace, code.codespace, result!.log);
  assert.equal(result!.code, code.code, result!.log);
  if (log) assert.match(result!.log, log);
  return result!;
}

export const profile = (who: Actor, handle: string, displayName = "") => anyMsg(MsgSetProfile, { owner: who.address, handle, displayName, bio: "", avatarUri: "" });

export const post = (who: Actor, text: string, replyTo = 0n) => anyMsg(MsgCreatePost, { author: who.address, content: { text, contentHash: "", uri: "" }, replyTo });

/** The id a MsgCreatePost or MsgRepost result returns, read from its event. */
export function postIdOf(result: ExecTxResult): bigint {
  const event = result.events.find((e) => e.type === "social_post_created");
  assert.ok(event, `no social_post_created event in ${result.log}`);
  return BigInt(event.attributes.find((a) => a.key === "post_id")!.value);
}

/** Decodes a query answer, asserting it succeeded. */
export function query<R>(chain: TestChain, method: string, request: Uint8Array, response: { decode(b: Uint8Array): R }): R {
  const res = chain.query(`/agora.social.v1.Query/${method}`, request);
  assert.equal(res.code, 0, res.log);
  return response.decode(res.value);
}

export function getPost(chain: TestChain, id: bigint): q.PostView {
  return query(chain, "Post", q.QueryPostRequest.encode({ id }).finish(), q.QueryPostResponse).post!;
}

export function feed(chain: TestChain, address: string, limit = 0n, key: Uint8Array = new Uint8Array()): q.QueryFeedResponse {
  return query(chain, "Feed", q.QueryFeedRequest.encode({ address, pagination: { key, offset: 0n, limit, countTotal: false, reverse: false } }).finish(), q.QueryFeedResponse);
}

export function postsBy(chain: TestChain, author: string): bigint[] {
  return query(chain, "PostsByAuthor", q.QueryPostsByAuthorRequest.encode({ author, pagination: undefined }).finish(), q.QueryPostsByAuthorResponse).posts.map((p) => p.post!.id);
}

/** CheckTx of one message: the stateless checks, without taking the signer's sequence. */
export async function checked(chain: TestChain, who: Actor, msg: { typeUrl: string; value: Uint8Array }) {
  const tx = await signed(chain, who, [msg]);
  who.sequence--;
  return chain.checkTx(tx);
}
