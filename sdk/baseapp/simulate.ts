/** `cosmos.tx.v1beta1.Service/Simulate` over ABCI Query, as CosmJS's "auto" fee calls it. */
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { CodedError, RegisteredError } from "../types/errors.js";
import { ErrInvalidRequest } from "../types/sdk-errors.js";
import type { TxResult } from "./run-tx.js";

export const SIMULATE_PATH = "/cosmos.tx.v1beta1.Service/Simulate";

/** Answers a SimulateRequest; a failing tx becomes a query error carrying the tx's code. */
export function handleSimulate(data: Uint8Array, simulate: (tx: Uint8Array) => TxResult): Uint8Array {
  const request = SimulateRequest.decode(data);
  if (request.txBytes.length === 0) throw ErrInvalidRequest.wrap("simulate needs tx_bytes (the deprecated tx field is not supported)");
  const result = simulate(request.txBytes);
  // Keep the failed tx's codespace and code so the client sees why simulation failed.
  if (result.code !== 0) throw new CodedError(new RegisteredError(result.codespace, result.code, result.log), result.log);
  return SimulateResponse.encode({
    gasInfo: { gasWanted: result.gasWanted, gasUsed: result.gasUsed },
    result: { data: new Uint8Array(), log: "", events: result.events, msgResponses: result.msgResponses },
  }).finish();
}
