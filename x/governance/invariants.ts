/** Governance's invariant: the gov module account holds exactly the deposits it owes. */
import type { StoreSource } from "../../sdk/collections/collections.js";
import { Coins } from "../../sdk/types/coins.js";
import type { GovKeeper } from "./keeper.js";
import { GOV_ACCOUNT } from "./types.js";

export interface InvariantResult {
  broken: boolean;
  message: string;
}

export function depositsInvariant(ctx: StoreSource, keeper: GovKeeper): InvariantResult {
  const owed = keeper.totalDeposits(ctx);
  const address = keeper.accounts.moduleAddress(GOV_ACCOUNT);
  const denoms = new Set([...owed.list.map((c) => c.denom), keeper.options.powerDenom]);
  const held = Coins.of([...denoms].map((denom) => ({ denom, amount: keeper.bank.getBalance(ctx, address, denom) })));
  const broken = held.toString() !== owed.toString();
  return {
    broken,
    message: `governance/module-account-deposits: the gov module account holds ${held.toString() || "nothing"}, deposits owed sum to ${owed.toString() || "nothing"}${broken ? " (broken)" : ""}`,
  };
}
