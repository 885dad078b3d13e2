/**
 * Slashing's simulation operations: unjail attempts by validator operators and by accounts that
 * operate none, each with the outcome the state calls for (most validators are not jailed: the
 * simulated blocks carry no votes, so refusals are the common case).
 */
import { MsgUnjail } from "cosmjs-types/cosmos/slashing/v1beta1/tx";
import { failsWith, SUCCEEDS, type WeightedOp } from "../../sdk/simulation/operation.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { VALOPER_PREFIX } from "../staking/types.js";
import type { SlashingKeeper } from "./keeper.js";
import { unjailRefusal } from "./unjail.js";

export function slashingSimulationOps(keeper: SlashingKeeper): WeightedOp[] {
  return [
    {
      name: "slashing/unjail",
      weight: 3,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        if (!signer) return undefined;
        const operator = fromAccAddress(signer);
        const refusal = unjailRefusal(view.ctx, keeper, operator);
        const unjail = { typeUrl: MsgUnjail.typeUrl, value: MsgUnjail.encode({ validatorAddr: toAccAddress(operator, VALOPER_PREFIX) }).finish() };
        return { signer, msgs: [unjail], expect: refusal ? failsWith(refusal) : SUCCEEDS };
      },
    },
  ];
}
