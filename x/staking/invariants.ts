/**
 * Staking's invariants, as the SDK's: each pool holds exactly the stake it owes, and each
 * validator's delegator shares are the sum of its delegations' shares.
 */
import { BondStatus } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { InvariantRegistry, InvariantResult } from "../../sdk/invariants/registry.js";
import { keyToString } from "../../sdk/store/keys.js";
import { decFromWire, formatDec } from "../../sdk/types/dec.js";
import type { StakingKeeper } from "./keeper.js";
import { sharesOf, tokensOf } from "./shares.js";
import { BONDED_POOL, NOT_BONDED_POOL, STAKING_MODULE } from "./types.js";

function comparison(what: string, held: bigint, owed: bigint): InvariantResult {
  const broken = held !== owed;
  return { broken, message: `the ${what} holds ${held}, it owes ${owed}${broken ? " (broken)" : ""}` };
}

export function bondedPoolInvariant(ctx: StoreSource, keeper: StakingKeeper): InvariantResult {
  let owed = 0n;
  for (const [, v] of keeper.validators.entries(ctx)) if (v.status === BondStatus.BOND_STATUS_BONDED) owed += tokensOf(v);
  return comparison("bonded pool", keeper.poolBalance(ctx, BONDED_POOL), owed);
}

export function notBondedPoolInvariant(ctx: StoreSource, keeper: StakingKeeper): InvariantResult {
  let owed = 0n;
  for (const [, v] of keeper.validators.entries(ctx)) if (v.status !== BondStatus.BOND_STATUS_BONDED) owed += tokensOf(v);
  for (const [, u] of keeper.unbondingDelegations.entries(ctx)) for (const e of u.entries) owed += BigInt(e.balance);
  return comparison("not-bonded pool", keeper.poolBalance(ctx, NOT_BONDED_POOL), owed);
}

export function delegatorSharesInvariant(ctx: StoreSource, keeper: StakingKeeper): InvariantResult {
  const sums = new Map<string, bigint>();
  for (const [[, validator], d] of keeper.delegations.entries(ctx)) {
    const key = keyToString(validator);
    sums.set(key, (sums.get(key) ?? 0n) + decFromWire(d.shares));
  }
  for (const [operator, v] of keeper.validators.entries(ctx)) {
    const sum = sums.get(keyToString(operator)) ?? 0n;
    if (sum !== sharesOf(v)) {
      return { broken: true, message: `validator ${v.operatorAddress} has delegator_shares ${formatDec(sharesOf(v))}, its delegations sum to ${formatDec(sum)} (broken)` };
    }
  }
  return { broken: false, message: "every validator's delegator shares are the sum of its delegations' shares" };
}

export function registerStakingInvariants(registry: InvariantRegistry, keeper: StakingKeeper): void {
  registry.register(STAKING_MODULE, "module-accounts", (ctx) => {
    const bonded = bondedPoolInvariant(ctx, keeper);
    const notBonded = notBondedPoolInvariant(ctx, keeper);
    return { broken: bonded.broken || notBonded.broken, message: `${bonded.message}; ${notBonded.message}` };
  });
  registry.register(STAKING_MODULE, "delegator-shares", (ctx) => delegatorSharesInvariant(ctx, keeper));
}
