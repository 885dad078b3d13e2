/** The cosmos.slashing.v1beta1 Query service: Params, SigningInfo, SigningInfos. */
import * as q from "cosmjs-types/cosmos/slashing/v1beta1/query";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { paginate } from "../../sdk/types/pagination.js";
import { ErrInvalidAddress, ErrInvalidRequest, ErrNotFound } from "../../sdk/types/sdk-errors.js";
import { VALCONS_PREFIX } from "../staking/types.js";
import type { SlashingKeeper } from "./keeper.js";
import { paramsToWire } from "./params.js";

const service = "/cosmos.slashing.v1beta1.Query/";

export function registerSlashingQueries(router: QueryRouter, keeper: SlashingKeeper): void {
  router.register({
    path: service + "Params",
    requestType: q.QueryParamsRequest,
    responseType: q.QueryParamsResponse,
    handle: (ctx) => ({ params: paramsToWire(keeper.getParams(ctx)) }),
  });
  router.register({
    path: service + "SigningInfo",
    requestType: q.QuerySigningInfoRequest,
    responseType: q.QuerySigningInfoResponse,
    handle(ctx, req) {
      if (req.consAddress === "") throw ErrInvalidRequest.wrap("cons_address cannot be empty: give the validator's agoravalcons address");
      let consAddress: Uint8Array;
      try {
        consAddress = fromAccAddress(req.consAddress, VALCONS_PREFIX);
      } catch (err) {
        throw ErrInvalidAddress.wrap(`cons_address must be an ${VALCONS_PREFIX} address: ${(err as Error).message}`);
      }
      const valSigningInfo = keeper.getSigningInfo(ctx, consAddress);
      if (!valSigningInfo) throw ErrNotFound.wrap(`SigningInfo not found for validator ${req.consAddress}`);
      return { valSigningInfo };
    },
  });
  router.register({
    path: service + "SigningInfos",
    requestType: q.QuerySigningInfosRequest,
    responseType: q.QuerySigningInfosResponse,
    handle(ctx, req) {
      const { items, pagination } = paginate([...keeper.signingInfos.entries(ctx)].map(([, info]) => info), req.pagination);
      return { info: items, pagination };
    },
  });
}
