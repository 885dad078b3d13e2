/** The bank Query service methods CosmJS and explorers call. */
import * as q from "cosmjs-types/cosmos/bank/v1beta1/query";
import type { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { Context } from "../../sdk/types/context.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { assertDenom, Coins } from "../../sdk/types/coins.js";
import { ErrInvalidRequest, ErrNotFound } from "../../sdk/types/sdk-errors.js";
import type { BankViewKeeper } from "./keeper.js";
import { paginate } from "../../sdk/types/pagination.js";

const service = "/cosmos.bank.v1beta1.Query/";

export function registerBankQueries(router: QueryRouter, keeper: BankViewKeeper): void {
  // Without vesting, every balance is spendable: both queries answer the same.
  const allBalances = (ctx: Context, req: { address: string; pagination?: PageRequest }) => {
    const { items, pagination } = paginate(keeper.getAllBalances(ctx, fromAccAddress(req.address)).toProto(), req.pagination);
    return { balances: items, pagination };
  };
  router.register({
    path: service + "Balance",
    requestType: q.QueryBalanceRequest,
    responseType: q.QueryBalanceResponse,
    handle(ctx, req) {
      if (!req.denom) throw ErrInvalidRequest.wrap("denom is required");
      assertDenom(req.denom);
      const amount = keeper.getBalance(ctx, fromAccAddress(req.address), req.denom);
      return { balance: { denom: req.denom, amount: amount.toString() } };
    },
  });
  router.register({
    path: service + "AllBalances",
    requestType: q.QueryAllBalancesRequest,
    responseType: q.QueryAllBalancesResponse,
    handle: allBalances,
  });
  router.register({
    path: service + "SpendableBalances",
    requestType: q.QuerySpendableBalancesRequest,
    responseType: q.QuerySpendableBalancesResponse,
    handle: allBalances,
  });
  router.register({
    path: service + "TotalSupply",
    requestType: q.QueryTotalSupplyRequest,
    responseType: q.QueryTotalSupplyResponse,
    handle(ctx, req) {
      const supply = Coins.of([...keeper.supply.entries(ctx)].map(([denom, amount]) => ({ denom, amount }))).toProto();
      const { items, pagination } = paginate(supply, req.pagination);
      return { supply: items, pagination };
    },
  });
  router.register({
    path: service + "SupplyOf",
    requestType: q.QuerySupplyOfRequest,
    responseType: q.QuerySupplyOfResponse,
    handle(ctx, req) {
      assertDenom(req.denom);
      return { amount: { denom: req.denom, amount: keeper.getSupply(ctx, req.denom).toString() } };
    },
  });
  router.register({
    path: service + "Params",
    requestType: q.QueryParamsRequest,
    responseType: q.QueryParamsResponse,
    handle: (ctx) => ({ params: keeper.getParams(ctx) }),
  });
  router.register({
    path: service + "DenomMetadata",
    requestType: q.QueryDenomMetadataRequest,
    responseType: q.QueryDenomMetadataResponse,
    handle(ctx, req) {
      const metadata = keeper.denomMetadata.get(ctx, req.denom);
      if (!metadata) throw ErrNotFound.wrap(`rpc error: code = NotFound desc = client metadata for denom ${req.denom}`);
      return { metadata };
    },
  });
  router.register({
    path: service + "DenomsMetadata",
    requestType: q.QueryDenomsMetadataRequest,
    responseType: q.QueryDenomsMetadataResponse,
    handle(ctx, req) {
      const { items, pagination } = paginate([...keeper.denomMetadata.entries(ctx)].map(([, m]) => m), req.pagination);
      return { metadatas: items, pagination };
    },
  });
}
