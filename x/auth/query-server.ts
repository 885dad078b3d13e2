/** The auth Query service methods CosmJS and explorers call. */
import * as q from "cosmjs-types/cosmos/auth/v1beta1/query";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { Context } from "../../sdk/types/context.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { ErrKeyNotFound } from "../../sdk/types/sdk-errors.js";
import { paginate } from "../../sdk/types/pagination.js";
import { accountToAny, toBaseAccount } from "./account-codec.js";
import type { AccountKeeper } from "./keeper.js";

const service = "/cosmos.auth.v1beta1.Query/";

export function registerAuthQueries(router: QueryRouter, keeper: AccountKeeper): void {
  const existing = (ctx: Context, address: string) => {
    const account = keeper.getAccount(ctx, fromAccAddress(address));
    // CosmJS recognises a missing account by this gRPC status text and returns null.
    if (!account) throw ErrKeyNotFound.wrap(`rpc error: code = NotFound desc = account ${address} not found`);
    return account;
  };
  router.register({
    path: service + "Account",
    requestType: q.QueryAccountRequest,
    responseType: q.QueryAccountResponse,
    handle(ctx, req) {
      return { account: accountToAny(existing(ctx, req.address)) };
    },
  });
  router.register({
    path: service + "AccountInfo",
    requestType: q.QueryAccountInfoRequest,
    responseType: q.QueryAccountInfoResponse,
    handle(ctx, req) {
      return { info: toBaseAccount(existing(ctx, req.address)) };
    },
  });
  router.register({
    path: service + "Accounts",
    requestType: q.QueryAccountsRequest,
    responseType: q.QueryAccountsResponse,
    handle(ctx, req) {
      const all = [...keeper.accounts.entries(ctx)].map(([, a]) => accountToAny(a));
      const { items, pagination } = paginate(all, req.pagination);
      return { accounts: items, pagination };
    },
  });
  router.register({
    path: service + "Params",
    requestType: q.QueryParamsRequest,
    responseType: q.QueryParamsResponse,
    handle: (ctx) => ({ params: keeper.getParams(ctx) }),
  });
}
