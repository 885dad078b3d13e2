/** The cosmos.upgrade.v1beta1 Query methods explorers and Cosmovisor users call. */
import * as q from "cosmjs-types/cosmos/upgrade/v1beta1/query";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import { ErrNotFound } from "../../sdk/types/sdk-errors.js";
import type { UpgradeKeeper } from "./keeper.js";

const service = "/cosmos.upgrade.v1beta1.Query/";

export function registerUpgradeQueries(router: QueryRouter, keeper: UpgradeKeeper): void {
  router.register({
    path: service + "CurrentPlan",
    requestType: q.QueryCurrentPlanRequest,
    responseType: q.QueryCurrentPlanResponse,
    handle: (ctx) => {
      const plan = keeper.getUpgradePlan(ctx);
      return plan ? { plan } : {};
    },
  });
  router.register({
    path: service + "AppliedPlan",
    requestType: q.QueryAppliedPlanRequest,
    responseType: q.QueryAppliedPlanResponse,
    // As the SDK answers: height 0 for a name never applied.
    handle: (ctx, req) => ({ height: keeper.doneHeight(ctx, req.name) ?? 0n }),
  });
  router.register({
    path: service + "ModuleVersions",
    requestType: q.QueryModuleVersionsRequest,
    responseType: q.QueryModuleVersionsResponse,
    handle(ctx, req) {
      if (req.moduleName === "") return { moduleVersions: [...keeper.versions.entries(ctx)].map(([name, version]) => ({ name, version })) };
      const version = keeper.versions.get(ctx, req.moduleName);
      if (version === undefined) throw ErrNotFound.wrap(`module ${req.moduleName} has no recorded version`);
      return { moduleVersions: [{ name: req.moduleName, version }] };
    },
  });
  router.register({
    path: service + "Authority",
    requestType: q.QueryAuthorityRequest,
    responseType: q.QueryAuthorityResponse,
    handle: () => ({ address: keeper.authority }),
  });
}
