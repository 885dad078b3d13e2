/**
 * Slashing from the command line, as the Cosmos SDK's: `unjail` for a validator jailed for
 * downtime once its jail period is over, and queries over ABCI answered by
 * cosmos.slashing.v1beta1's Query service, printed in the REST gateway's JSON.
 */
import * as q from "cosmjs-types/cosmos/slashing/v1beta1/query";
import { MsgUnjail } from "cosmjs-types/cosmos/slashing/v1beta1/tx";
import { toGatewayJson, type Json } from "../../../sdk/server/rest/proto-json.js";
import { VALCONS_PREFIX } from "../../../x/staking/types.js";
import { CliError } from "../cli.js";
import { abciQuery } from "./abci-query.js";
import { decodeBech32 } from "./coins.js";
import { valoperOf } from "./staking.js";
import { signAndBroadcast, type BroadcastOptions, type SendResult } from "./tx.js";

/** The signer's validator back into the active set (refused while jailed_until is ahead, or for ever once tombstoned). */
export function unjail(opts: BroadcastOptions): Promise<SendResult> {
  return signAndBroadcast(opts, (operator) => [{ typeUrl: MsgUnjail.typeUrl, value: MsgUnjail.fromPartial({ validatorAddr: valoperOf(operator) }) }]);
}

const slashingJson = (message: unknown) => toGatewayJson(message, () => undefined);

/** A validator's signing info: missed blocks, jailed_until, tombstoned. `consAddress` as `agorad comet show-address` prints it. */
export async function querySigningInfo(opts: { node?: string; consAddress: string }): Promise<Json> {
  let prefix: string | undefined;
  try {
    prefix = decodeBech32(opts.consAddress).prefix;
  } catch {
    prefix = undefined;
  }
  if (prefix !== VALCONS_PREFIX) throw new CliError(`invalid consensus address "${opts.consAddress}": expected ${VALCONS_PREFIX}1..., as \`agorad comet show-address\` prints it`);
  const res = await abciQuery(opts.node, "query slashing signing-info", "/cosmos.slashing.v1beta1.Query/SigningInfo", q.QuerySigningInfoRequest, { consAddress: opts.consAddress }, q.QuerySigningInfoResponse);
  return slashingJson(res.valSigningInfo);
}

export async function querySlashingParams(opts: { node?: string }): Promise<Json> {
  const res = await abciQuery(opts.node, "query slashing params", "/cosmos.slashing.v1beta1.Query/Params", q.QueryParamsRequest, {}, q.QueryParamsResponse);
  return slashingJson(res.params);
}
