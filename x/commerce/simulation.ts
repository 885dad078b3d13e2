import type { WeightedOp } from "../../sdk/simulation/operation.js";
import type { CommerceKeeper } from "./keeper.js";
export function commerceSimulationOps(_keeper: CommerceKeeper): WeightedOp[] {
  return [];
}
