/**
 * Distribution's simulation operations: delegators withdraw rewards and set withdraw addresses,
 * operators withdraw commission, accounts fund the community pool; a withdraw address that is a
 * module account is refused; governance may spend from the pool.
 */
import { MsgCommunityPoolSpend, MsgFundCommunityPool, MsgSetWithdrawAddress, MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from "cosmjs-types/cosmos/distribution/v1beta1/tx";
import { failsWith, SUCCEEDS, type SimMsg, type WeightedOp, type WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import type { DistributionKeeper } from "./keeper.js";
import { DISTRIBUTION_ACCOUNT } from "./types.js";

const msg = <T>(type: { typeUrl: string; encode(m: T): { finish(): Uint8Array } }, value: T): SimMsg => ({ typeUrl: type.typeUrl, value: type.encode(value).finish() });

export function distributionSimulationOps(keeper: DistributionKeeper): WeightedOp[] {
  return [
    {
      name: "distribution/withdraw-delegator-reward",
      weight: 15,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        if (!signer) return undefined;
        const delegations = [...keeper.staking.delegatorDelegations(view.ctx, fromAccAddress(signer))];
        if (delegations.length === 0) return undefined;
        const validatorAddress = rand.pick(delegations).validatorAddress;
        return { signer, msgs: [msg(MsgWithdrawDelegatorReward, { delegatorAddress: signer, validatorAddress })], expect: SUCCEEDS };
      },
    },
    {
      name: "distribution/withdraw-validator-commission",
      weight: 5,
      plan(rand, view) {
        const withCommission = [...keeper.accumulatedCommission.entries(view.ctx)].filter(([, c]) => c.commission.length > 0).map(([validator]) => validator);
        if (withCommission.length === 0) return undefined;
        const validator = rand.pick(withCommission);
        const signer = toAccAddress(validator);
        if (!view.claimSigner(signer)) return undefined;
        return { signer, msgs: [msg(MsgWithdrawValidatorCommission, { validatorAddress: toAccAddress(validator, "agoravaloper") })], expect: SUCCEEDS };
      },
    },
    {
      name: "distribution/set-withdraw-address",
      weight: 5,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        if (!signer) return undefined;
        const withdrawAddress = rand.pick(view.accounts);
        return { signer, msgs: [msg(MsgSetWithdrawAddress, { delegatorAddress: signer, withdrawAddress })], expect: SUCCEEDS };
      },
    },
    {
      name: "distribution/set-withdraw-address-to-module-account",
      weight: 1,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        if (!signer) return undefined;
        const withdrawAddress = toAccAddress(keeper.accounts.moduleAddress(DISTRIBUTION_ACCOUNT));
        return { signer, msgs: [msg(MsgSetWithdrawAddress, { delegatorAddress: signer, withdrawAddress })], expect: failsWith(ErrUnauthorized) };
      },
    },
    {
      name: "distribution/fund-community-pool",
      weight: 3,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const denom = keeper.staking.bondDenom(view.ctx);
        if (!signer || view.spendable(signer, denom) === 0n) return undefined;
        const amount = rand.between(1n, view.spendable(signer, denom) / 100n + 1n);
        return { signer, msgs: [msg(MsgFundCommunityPool, { depositor: signer, amount: [{ denom, amount: amount.toString() }] })], expect: SUCCEEDS };
      },
    },
  ];
}

/** A community pool spend of part of what the pool holds, for simulated proposals. */
export function distributionProposalMsgs(keeper: DistributionKeeper): WeightedProposalMsg[] {
  return [
    {
      name: "distribution/community-pool-spend",
      weight: 5,
      build(rand, view) {
        const whole = keeper.communityPool(view.ctx).truncateDecimal().coins;
        if (whole.isZero()) return undefined;
        const coin = rand.pick([...whole.list]);
        const amount = [{ denom: coin.denom, amount: rand.between(1n, coin.amount).toString() }];
        return msg(MsgCommunityPoolSpend, { authority: keeper.authority, recipient: rand.pick(view.accounts), amount });
      },
    },
  ];
}

