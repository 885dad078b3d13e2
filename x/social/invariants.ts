/** The social module's invariants: every reaction count equals the reactions recorded for it. */
import type { InvariantRegistry, InvariantResult } from "../../sdk/invariants/registry.js";
import type { Context } from "../../sdk/types/context.js";
import type { SocialKeeper } from "./keeper.js";
import { SOCIAL_MODULE } from "./types.js";

export function registerSocialInvariants(registry: InvariantRegistry, keeper: SocialKeeper): void {
  registry.register(SOCIAL_MODULE, "reaction-counts", (ctx) => reactionCounts(ctx, keeper));
}

export function reactionCounts(ctx: Context, keeper: SocialKeeper): InvariantResult {
  const recorded = new Map<string, bigint>();
  for (const [[postId, [kind]]] of keeper.reactions.entries(ctx)) {
    const key = `post ${postId} ${kind}`;
    recorded.set(key, (recorded.get(key) ?? 0n) + 1n);
  }
  const mismatches: string[] = [];
  for (const [[postId, kind], count] of keeper.reactionCounts.entries(ctx)) {
    const key = `post ${postId} ${kind}`;
    const records = recorded.get(key) ?? 0n;
    recorded.delete(key);
    if (records !== count) mismatches.push(`${key}: count ${count}, ${records} reactions`);
  }
  for (const [key, records] of recorded) mismatches.push(`${key}: no count, ${records} reactions`);
  return mismatches.length
    ? { broken: true, message: `reaction counts do not equal their records (${mismatches.join("; ")})` }
    : { broken: false, message: "every reaction count equals its records" };
}
