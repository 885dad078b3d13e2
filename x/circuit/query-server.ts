/** cosmos.circuit.v1.Query/DisabledList: the paused message types, as explorers ask for them. */
import { DisabledListResponse, QueryDisabledListRequest } from "cosmjs-types/cosmos/circuit/v1/query";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { CircuitKeeper } from "./keeper.js";

export function registerCircuitQueries(router: QueryRouter, keeper: CircuitKeeper): void {
  router.register({
    path: "/cosmos.circuit.v1.Query/DisabledList",
    requestType: QueryDisabledListRequest,
    responseType: DisabledListResponse,
    handle: (ctx) => ({ disabledList: keeper.disabledList(ctx) }),
  });
}
