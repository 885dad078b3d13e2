/** Governance's invariant: the gov module account holds exactly the deposits it owes. */
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { InvariantRegistry, InvariantResult } from "../../sdk/invariants/registry.js";
import type { GovKeeper } from "./keeper.js";
import { GOV_ACCOUNT } from "./types.js";

export function depositsInvariant(ctx: StoreSource, keeper: GovKeeper): InvariantResult {
  const owed = keeper.totalDeposits(ctx);
  const address = keeper.accounts.moduleAddress(GOV_ACCOUNT);
  const held = keeper.bank.getAllBalances(ctx, address);
  const broken = held.toString() !== owed.toString();
  return {
    broken,
    message: `the gov module account holds ${held.toString() || "nothing"}, deposits owed sum to ${owed.toString() || "nothing"}${broken ? " (broken)" : ""}`,
  };
}

export function registerGovInvariants(registry: InvariantRegistry, keeper: GovKeeper): void {
  registry.register("governance", "module-account-deposits", (ctx) => depositsInvariant(ctx, keeper));
}
