/**
 * Staking's simulation operations: validators created, delegations made, undelegated and
 * redelegated, and the refusals that must happen (more than delegated, transitive redelegation).
 * An undelegation always leaves a token behind, so no validator is removed under another tx of
 * the same block.
 */
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { MsgBeginRedelegate, MsgCreateValidator, MsgDelegate, MsgUndelegate } from "cosmjs-types/cosmos/staking/v1beta1/tx";
import type { Delegation } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { encodeProto } from "../../sdk/codec/encode.js";
import type { Rand } from "../../sdk/simulation/rand.js";
import { failsWith, SUCCEEDS, type SimMsg, type SimView, type WeightedOp } from "../../sdk/simulation/operation.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { decFromWire, decTruncate } from "../../sdk/types/dec.js";
import { fromValoper, toValoper, type StakingKeeper } from "./keeper.js";
import { invalidExchangeRate, tokensFromShares } from "./shares.js";
import { ED25519_PUBKEY_TYPE, ErrNotEnoughDelegationShares, ErrTransitiveRedelegation } from "./types.js";

const msg = <T>(type: { typeUrl: string; encode(m: T): { finish(): Uint8Array } }, value: T): SimMsg => ({ typeUrl: type.typeUrl, value: type.encode(value).finish() });

function someDelegation(rand: Rand, view: SimView, keeper: StakingKeeper): { signer: string; delegation: Delegation; worth: bigint } | undefined {
  const signer = view.pickSigner(rand);
  if (!signer) return undefined;
  const delegations = [...keeper.delegatorDelegations(view.ctx, fromAccAddress(signer))];
  if (delegations.length === 0) return undefined;
  const delegation = rand.pick(delegations);
  const v = keeper.mustGetValidator(view.ctx, fromValoper(delegation.validatorAddress));
  return { signer, delegation, worth: decTruncate(tokensFromShares(v, decFromWire(delegation.shares))) };
}

export function stakingSimulationOps(keeper: StakingKeeper): WeightedOp[] {
  return [
    {
      name: "staking/create-validator",
      weight: 5,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const denom = keeper.bondDenom(view.ctx);
        if (!signer || keeper.getValidator(view.ctx, fromAccAddress(signer)) || view.spendable(signer, denom) === 0n) return undefined;
        const amount = rand.between(1n, view.spendable(signer, denom));
        const create = MsgCreateValidator.fromPartial({
          description: { moniker: `sim-${rand.int(1_000_000)}` },
          commission: { rate: "100000000000000000", maxRate: "200000000000000000", maxChangeRate: "10000000000000000" },
          minSelfDelegation: "1",
          delegatorAddress: "",
          validatorAddress: toValoper(fromAccAddress(signer)),
          pubkey: { typeUrl: ED25519_PUBKEY_TYPE, value: encodeProto(Ed25519PubKey, { key: rand.bytes(32) }) },
          value: { denom, amount: amount.toString() },
        });
        return { signer, msgs: [msg(MsgCreateValidator, create)], expect: SUCCEEDS };
      },
    },
    {
      name: "staking/delegate",
      weight: 20,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const denom = keeper.bondDenom(view.ctx);
        const validators = [...keeper.validators.entries(view.ctx)].map(([, v]) => v).filter((v) => !invalidExchangeRate(v));
        if (!signer || validators.length === 0 || view.spendable(signer, denom) === 0n) return undefined;
        const amount = rand.between(1n, view.spendable(signer, denom));
        const delegate = { delegatorAddress: signer, validatorAddress: rand.pick(validators).operatorAddress, amount: { denom, amount: amount.toString() } };
        return { signer, msgs: [msg(MsgDelegate, delegate)], expect: SUCCEEDS };
      },
    },
    {
      name: "staking/undelegate",
      weight: 10,
      plan(rand, view) {
        const found = someDelegation(rand, view, keeper);
        if (!found || found.worth < 2n) return undefined;
        const { signer, delegation } = found;
        const entries = keeper.unbondingDelegations.get(view.ctx, [fromAccAddress(signer), fromValoper(delegation.validatorAddress)])?.entries.length ?? 0;
        if (entries >= keeper.getParams(view.ctx).maxEntries) return undefined;
        const amount = { denom: keeper.bondDenom(view.ctx), amount: rand.between(1n, found.worth - 1n).toString() };
        return { signer, msgs: [msg(MsgUndelegate, { delegatorAddress: signer, validatorAddress: delegation.validatorAddress, amount })], expect: SUCCEEDS };
      },
    },
    {
      name: "staking/undelegate-more-than-delegated",
      weight: 3,
      plan(rand, view) {
        const found = someDelegation(rand, view, keeper);
        if (!found) return undefined;
        const amount = { denom: keeper.bondDenom(view.ctx), amount: (found.worth + rand.between(1n, 1_000_000n)).toString() };
        const undelegate = { delegatorAddress: found.signer, validatorAddress: found.delegation.validatorAddress, amount };
        return { signer: found.signer, msgs: [msg(MsgUndelegate, undelegate)], expect: failsWith(ErrNotEnoughDelegationShares) };
      },
    },
    {
      name: "staking/redelegate",
      weight: 10,
      plan(rand, view) {
        const found = someDelegation(rand, view, keeper);
        if (!found || found.worth < 2n) return undefined;
        const { signer, delegation } = found;
        const src = fromValoper(delegation.validatorAddress);
        const others = [...keeper.validators.entries(view.ctx)].map(([, v]) => v).filter((v) => v.operatorAddress !== delegation.validatorAddress && !invalidExchangeRate(v));
        if (others.length === 0) return undefined;
        const dst = rand.pick(others).operatorAddress;
        const existing = keeper.redelegations.get(view.ctx, [[fromAccAddress(signer), src], fromValoper(dst)])?.entries.length ?? 0;
        const transitive = keeper.hasReceivingRedelegation(view.ctx, fromAccAddress(signer), src);
        if (!transitive && existing >= keeper.getParams(view.ctx).maxEntries) return undefined;
        const amount = { denom: keeper.bondDenom(view.ctx), amount: rand.between(1n, found.worth - 1n).toString() };
        const redelegate = { delegatorAddress: signer, validatorSrcAddress: delegation.validatorAddress, validatorDstAddress: dst, amount };
        return { signer, msgs: [msg(MsgBeginRedelegate, redelegate)], expect: transitive ? failsWith(ErrTransitiveRedelegation) : SUCCEEDS };
      },
    },
  ];
}
