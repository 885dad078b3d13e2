/**
 * Slashing's invariant: each validator's missed_blocks_counter is the number of blocks of its
 * window marked missed, and no missed block lies outside the window or belongs to no validator.
 */
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { InvariantRegistry, InvariantResult } from "../../sdk/invariants/registry.js";
import type { SlashingKeeper } from "./keeper.js";
import { SLASHING_MODULE } from "./types.js";

export function missedBlocksInvariant(ctx: StoreSource, keeper: SlashingKeeper): InvariantResult {
  const window = keeper.getParams(ctx).signedBlocksWindow;
  for (const [consAddress, info] of keeper.signingInfos.entries(ctx)) {
    let counted = 0n;
    for (const index of keeper.missedIndexes(ctx, consAddress)) {
      if (index >= window) return { broken: true, message: `${info.address} has a missed block at index ${index}, outside the ${window}-block window (broken)` };
      counted++;
    }
    if (counted !== info.missedBlocksCounter) {
      return { broken: true, message: `${info.address} has missed_blocks_counter ${info.missedBlocksCounter}, its window marks ${counted} missed (broken)` };
    }
  }
  for (const [[consAddress]] of keeper.missedBlocks.entries(ctx)) {
    if (!keeper.hasSigningInfo(ctx, consAddress)) return { broken: true, message: "a missed block belongs to a validator with no signing info (broken)" };
  }
  return { broken: false, message: "every validator's missed blocks counter matches its window" };
}

export function registerSlashingInvariants(registry: InvariantRegistry, keeper: SlashingKeeper): void {
  registry.register(SLASHING_MODULE, "missed-blocks", (ctx) => missedBlocksInvariant(ctx, keeper));
}
