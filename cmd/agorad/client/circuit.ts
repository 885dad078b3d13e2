/**
 * The circuit breaker from the command line: pauser holders trip it, the gov authority or the
 * pauser role's admins reset it, and `DisabledList` (cosmos.circuit.v1) says what is paused.
 */
import { DisabledListResponse, QueryDisabledListRequest } from "cosmjs-types/cosmos/circuit/v1/query";
import { MsgResetCircuitBreaker, MsgTripCircuitBreaker } from "cosmjs-types/cosmos/circuit/v1/tx";
import { isPausable } from "../../../x/circuit/types.js";
import { CliError } from "../cli.js";
import { abciQuery } from "./abci-query.js";
import { chainTypeUrls } from "./chain-types.js";
import { signAndBroadcast, type BroadcastOptions, type SendResult } from "./tx.js";

/** Checks each type URL is one this chain routes (and, to trip, one a pause may cover). */
export function parseMsgTypeUrls(typeUrls: string[], purpose: "trip" | "reset"): string[] {
  const routed = new Set(chainTypeUrls());
  for (const typeUrl of typeUrls) {
    if (!routed.has(typeUrl)) {
      throw new CliError(`unknown message type "${typeUrl}": this chain routes none by that name; give a type URL such as /cosmos.bank.v1beta1.MsgSend`);
    }
    if (purpose === "trip" && !isPausable(typeUrl)) {
      throw new CliError(`${typeUrl} can never be paused: governance, the circuit breaker's own messages and role changes stay available so that a pause can be undone`);
    }
  }
  return [...new Set(typeUrls)];
}

/** Pauses the listed message types; none pauses every type but governance, the breaker's and the roles'. */
export function tripCircuit(opts: BroadcastOptions & { typeUrls: string[] }): Promise<SendResult> {
  const msgTypeUrls = parseMsgTypeUrls(opts.typeUrls, "trip");
  return signAndBroadcast(opts, (authority) => [{ typeUrl: MsgTripCircuitBreaker.typeUrl, value: MsgTripCircuitBreaker.fromPartial({ authority, msgTypeUrls }) }]);
}

/** Resumes the listed message types; none resumes everything paused. */
export function resetCircuit(opts: BroadcastOptions & { typeUrls: string[] }): Promise<SendResult> {
  const msgTypeUrls = parseMsgTypeUrls(opts.typeUrls, "reset");
  return signAndBroadcast(opts, (authority) => [{ typeUrl: MsgResetCircuitBreaker.typeUrl, value: MsgResetCircuitBreaker.fromPartial({ authority, msgTypeUrls }) }]);
}

/** The paused message types, sorted. */
export async function queryDisabledList(opts: { node?: string }): Promise<{ disabled_list: string[] }> {
  const res = await abciQuery(opts.node, "query circuit disabled", "/cosmos.circuit.v1.Query/DisabledList", QueryDisabledListRequest, {}, DisabledListResponse);
  return { disabled_list: res.disabledList };
}
