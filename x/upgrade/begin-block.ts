/**
 * The upgrade module's start of each block, the SDK's x/upgrade PreBlocker step by step: it runs
 * first in the block, so a binary that must stop stops before the block changes anything.
 */
import type { Context } from "../../sdk/types/context.js";
import type { UpgradeKeeper } from "./keeper.js";
import { binaryUpdatedBeforeTriggerMessage, handlerMissingMessage, upgradeNeededMessage } from "./types.js";

/**
 * Thrown to halt the node: FinalizeBlock fails with it, the node stops, and the state of the
 * block before stays committed for the binary that follows.
 */
export class UpgradeHaltError extends Error {
  override readonly name = "UpgradeHaltError";
}

export function upgradeBeginBlock(keeper: UpgradeKeeper, ctx: Context): void {
  const plan = keeper.getUpgradePlan(ctx);
  const due = plan !== undefined && plan.height <= ctx.height;

  // Once per process: a binary older than the chain (it lacks the handler of the upgrade the
  // chain applied last) must not go on, unless it is about to stop at a due plan anyway.
  if (!keeper.downgradeVerified) {
    keeper.downgradeVerified = true;
    if (!due || keeper.isSkipHeight(ctx.height)) {
      const last = keeper.lastCompletedUpgrade(ctx);
      if (last && !keeper.handlers.has(last.name)) throw new UpgradeHaltError(handlerMissingMessage(last.name, last.height));
    }
  }
  if (!plan) return;

  if (due) {
    if (keeper.isSkipHeight(ctx.height)) {
      ctx.logger.info(`UPGRADE "${plan.name}" SKIPPED at ${plan.height}: ${plan.info}`);
      keeper.clearUpgradePlan(ctx);
      return;
    }
    if (!keeper.handlers.has(plan.name)) {
      keeper.options.onUpgradeNeeded?.(plan, ctx.height);
      const message = upgradeNeededMessage(plan);
      ctx.logger.error(message);
      throw new UpgradeHaltError(message);
    }
    ctx.logger.info(`applying upgrade "${plan.name}" at height: ${plan.height}`);
    keeper.applyUpgrade(ctx, plan);
    return;
  }

  // A plan still ahead: a binary that already has its handler came too early.
  if (keeper.handlers.has(plan.name)) {
    const message = binaryUpdatedBeforeTriggerMessage(plan.name);
    ctx.logger.error(message);
    throw new UpgradeHaltError(message);
  }
}
