/**
 * The bank's simulation operations: sends and multi-sends that must succeed, and ones that must
 * be refused (more than the sender holds, to a blocked module account).
 */
import { MsgMultiSend, MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import type { Rand } from "../../sdk/simulation/rand.js";
import { failsWith, SUCCEEDS, type PlannedTx, type SimMsg, type SimView, type WeightedOp } from "../../sdk/simulation/operation.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { ErrInsufficientFunds, ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import type { BankSendKeeper } from "./keeper.js";

const send = (from: string, to: string, denom: string, amount: bigint): SimMsg => ({
  typeUrl: MsgSend.typeUrl,
  value: MsgSend.encode({ fromAddress: from, toAddress: to, amount: [{ denom, amount: amount.toString() }] }).finish(),
});

/** A signer and one of its denoms it can spend some of, or undefined. */
function funded(rand: Rand, view: SimView, keeper: BankSendKeeper): { signer: string; denom: string; spendable: bigint } | undefined {
  const signer = view.pickSigner(rand);
  if (!signer) return undefined;
  const denoms = keeper
    .getAllBalances(view.ctx, fromAccAddress(signer))
    .list.map((c) => c.denom)
    .filter((denom) => view.spendable(signer, denom) > 0n);
  if (denoms.length === 0) return undefined;
  const denom = rand.pick(denoms);
  return { signer, denom, spendable: view.spendable(signer, denom) };
}

export function bankSimulationOps(keeper: BankSendKeeper): WeightedOp[] {
  return [
    {
      name: "bank/send",
      weight: 50,
      plan(rand, view): PlannedTx | undefined {
        const from = funded(rand, view, keeper);
        if (!from) return undefined;
        const to = rand.pick(view.accounts);
        return { signer: from.signer, msgs: [send(from.signer, to, from.denom, rand.between(1n, from.spendable))], expect: SUCCEEDS };
      },
    },
    {
      name: "bank/send-to-new-account",
      weight: 5,
      plan(rand, view) {
        const from = funded(rand, view, keeper);
        if (!from) return undefined;
        const to = toAccAddress(rand.bytes(20));
        return { signer: from.signer, msgs: [send(from.signer, to, from.denom, rand.between(1n, from.spendable))], expect: SUCCEEDS };
      },
    },
    {
      name: "bank/multi-send",
      weight: 20,
      plan(rand, view) {
        const from = funded(rand, view, keeper);
        if (!from || from.spendable < 4n) return undefined;
        const outputs = Array.from({ length: 1 + rand.int(4) }, () => ({ address: rand.pick(view.accounts), amount: rand.between(1n, from.spendable / 4n) }));
        const total = outputs.reduce((sum, out) => sum + out.amount, 0n);
        const coins = (amount: bigint) => [{ denom: from.denom, amount: amount.toString() }];
        const msg = MsgMultiSend.fromPartial({
          inputs: [{ address: from.signer, coins: coins(total) }],
          outputs: outputs.map((out) => ({ address: out.address, coins: coins(out.amount) })),
        });
        return { signer: from.signer, msgs: [{ typeUrl: MsgMultiSend.typeUrl, value: MsgMultiSend.encode(msg).finish() }], expect: SUCCEEDS };
      },
    },
    {
      name: "bank/send-more-than-held",
      weight: 10,
      plan(rand, view) {
        const from = funded(rand, view, keeper);
        if (!from) return undefined;
        const amount = from.spendable + rand.between(1n, 1_000_000n);
        return { signer: from.signer, msgs: [send(from.signer, rand.pick(view.accounts), from.denom, amount)], expect: failsWith(ErrInsufficientFunds) };
      },
    },
    {
      name: "bank/send-to-module-account",
      weight: 5,
      plan(rand, view) {
        const blocked = keeper.blockedAddresses();
        const from = blocked.length ? funded(rand, view, keeper) : undefined;
        if (!from) return undefined;
        return { signer: from.signer, msgs: [send(from.signer, rand.pick(blocked), from.denom, 1n)], expect: failsWith(ErrUnauthorized) };
      },
    },
  ];
}
