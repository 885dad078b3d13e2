/**
 * Liveness, as the SDK's HandleValidatorSignature: each vote of the previous block's commit moves
 * its validator's window on by one; a validator that missed more than the window allows, once it
 * has been bonded a whole window, is slashed at the infraction height, jailed for
 * downtime_jail_duration and its window starts over.
 */
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import type { Context } from "../../sdk/types/context.js";
import { addDuration, fromNanos } from "../../sdk/types/time.js";
import { toValcons, type SlashingKeeper } from "./keeper.js";
import { minSignedPerWindow } from "./params.js";
import { EVENTS, VALIDATOR_UPDATE_DELAY } from "./types.js";

export function slashingBeginBlock(ctx: Context, keeper: SlashingKeeper): void {
  for (const vote of ctx.block.lastCommit?.votes ?? []) {
    handleValidatorSignature(ctx, keeper, vote.validator.address, vote.validator.power, vote.blockIdFlag !== BlockIDFlag.BLOCK_ID_FLAG_ABSENT);
  }
}

export function handleValidatorSignature(ctx: Context, keeper: SlashingKeeper, consAddress: Uint8Array, power: bigint, signed: boolean): void {
  const info = keeper.getSigningInfo(ctx, consAddress);
  // The SDK halts here; a validator CometBFT has but staking never bonded (one listed directly in
  // CometBFT's genesis.json) has no window to keep, so its votes are left alone.
  if (!info) {
    ctx.logger.debug({ consAddress: toValcons(consAddress) }, "a vote from a validator with no signing info is ignored");
    return;
  }
  const params = keeper.getParams(ctx);
  const window = params.signedBlocksWindow;
  const index = info.indexOffset % window;
  const wasMissed = keeper.missedBlocks.has(ctx, [consAddress, index]);
  let missedBlocksCounter = info.missedBlocksCounter;
  if (!signed && !wasMissed) {
    keeper.missedBlocks.set(ctx, [consAddress, index], true);
    missedBlocksCounter++;
  } else if (signed && wasMissed) {
    keeper.missedBlocks.delete(ctx, [consAddress, index]);
    missedBlocksCounter--;
  }
  let updated = { ...info, indexOffset: info.indexOffset + 1n, missedBlocksCounter };
  if (!signed) {
    ctx.events.emit(EVENTS.liveness, { address: toValcons(consAddress), missed_blocks: missedBlocksCounter.toString(), height: ctx.height.toString() });
  }
  const maxMissed = window - minSignedPerWindow(params);
  if (ctx.height > info.startHeight + window && missedBlocksCounter > maxMissed) {
    const validator = keeper.staking.validatorByConsAddr(ctx, consAddress);
    if (validator && !validator.jailed) {
      // The infraction was in the window; its stake then was the stake of two blocks ago, which
      // CometBFT's set at this height reflects (the SDK's height - ValidatorUpdateDelay - 1).
      const distributionHeight = ctx.height - VALIDATOR_UPDATE_DELAY - 1n;
      keeper.slash(ctx, consAddress, params.slashFractionDowntime, power, distributionHeight, EVENTS.reasonMissingSignature);
      keeper.jail(ctx, consAddress);
      updated = { ...updated, jailedUntil: addDuration(ctx.block.time, fromNanos(params.downtimeJailDurationNanos)), missedBlocksCounter: 0n, indexOffset: 0n };
      keeper.clearMissedBlocks(ctx, consAddress);
      ctx.logger.info({ consAddress: toValcons(consAddress), height: ctx.height.toString() }, "validator slashed and jailed for downtime");
    }
  }
  keeper.setSigningInfo(ctx, consAddress, updated);
}
