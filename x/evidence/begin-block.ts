/**
 * Double signing, as the SDK's x/evidence: each DUPLICATE_VOTE (or LIGHT_CLIENT_ATTACK) that
 * CometBFT commits in a block slashes its validator by slash_fraction_double_sign at the
 * infraction, jails it for ever and tombstones it, unless the evidence is too old, the validator
 * is unknown, unbonded or already tombstoned. Punished evidence is kept.
 */
import { BondStatus } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { MisbehaviorType, type Misbehavior } from "cosmjs-types/tendermint/abci/types";
import { toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { toNanos } from "../../sdk/types/time.js";
import { VALCONS_PREFIX } from "../staking/types.js";
import type { EvidenceKeeper } from "./keeper.js";

/** jailed_until of a double signer (the SDK's DoubleSignJailEndTime, 9999-12-31T23:59:59Z): never. */
const FOREVER = { seconds: 253_402_300_799n, nanos: 0 };
/** Blocks between a validator set change and CometBFT using it (the SDK's ValidatorUpdateDelay). */
const VALIDATOR_UPDATE_DELAY = 1n;

export function evidenceBeginBlock(ctx: Context, keeper: EvidenceKeeper): void {
  for (const m of ctx.block.misbehavior ?? []) {
    if (m.type === MisbehaviorType.DUPLICATE_VOTE || m.type === MisbehaviorType.LIGHT_CLIENT_ATTACK) handleEquivocation(ctx, keeper, m);
    else ctx.logger.error({ type: m.type }, "ignored evidence of an unknown type");
  }
}

function handleEquivocation(ctx: Context, keeper: EvidenceKeeper, m: Misbehavior): void {
  const consAddress = m.validator.address;
  const valcons = toAccAddress(consAddress, VALCONS_PREFIX);
  const log = { validator: valcons, infractionHeight: m.height.toString() };
  const validator = keeper.staking.validatorByConsAddr(ctx, consAddress);
  // A validator gone or unbonded can no longer be punished; one never bonded has no signing info.
  if (!validator || validator.status === BondStatus.BOND_STATUS_UNBONDED || !keeper.slashing.hasSigningInfo(ctx, consAddress)) {
    ctx.logger.info(log, "ignored equivocation of a validator that is not bonded");
    return;
  }
  const { maxAgeNumBlocks, maxAgeDuration } = keeper.getParams(ctx);
  const ageBlocks = ctx.height - m.height;
  const ageNanos = toNanos(ctx.block.time) - toNanos(m.time ?? { seconds: 0n, nanos: 0 });
  if (ageNanos > toNanos(maxAgeDuration) && ageBlocks > maxAgeNumBlocks) {
    ctx.logger.info({ ...log, ageBlocks: ageBlocks.toString() }, "ignored equivocation; evidence too old");
    return;
  }
  if (keeper.slashing.isTombstoned(ctx, consAddress)) {
    ctx.logger.info(log, "ignored equivocation; validator already tombstoned");
    return;
  }
  const distributionHeight = m.height - VALIDATOR_UPDATE_DELAY;
  keeper.slashing.slash(ctx, consAddress, keeper.slashing.slashFractionDoubleSign(ctx), m.validator.power, distributionHeight, "double_sign");
  if (!validator.jailed) keeper.slashing.jail(ctx, consAddress);
  keeper.slashing.jailUntil(ctx, consAddress, FOREVER);
  keeper.slashing.tombstone(ctx, consAddress);
  keeper.setEvidence(ctx, { height: m.height, time: m.time, power: m.validator.power, consensusAddress: valcons });
  ctx.logger.info(log, "validator slashed, jailed for ever and tombstoned for double signing");
}
