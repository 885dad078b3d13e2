/** The social module's simulation operations (filled in below). */
import type { WeightedOp, WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import type { SocialKeeper } from "./keeper.js";

export function socialSimulationOps(_keeper: SocialKeeper, _roles: { hasRole(ctx: Context, role: string, address: string): boolean }): WeightedOp[] {
  return [];
}

export function socialProposalMsgs(_keeper: SocialKeeper): WeightedProposalMsg[] {
  return [];
}
