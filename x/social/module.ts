/** The social module: profiles, posts, the follow graph, reactions, tips and moderation. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { InvariantRegistry } from "../../sdk/invariants/registry.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { WeightedOp, WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import type { SocialBankKeeper, SocialRoleChecks } from "./expected-keepers.js";
import { defaultSocialGenesis, exportSocialGenesis, initSocialGenesis } from "./genesis.js";
import { registerSocialInvariants } from "./invariants.js";
import type { SocialKeeper } from "./keeper.js";
import { registerModerationMsgs } from "./moderation-msgs.js";
import { registerSocialMsgs } from "./msg-server.js";
import { registerSocialQueries } from "./query-server.js";
import { socialProposalMsgs, socialSimulationOps } from "./simulation.js";
import { SOCIAL_MODULE, SOCIAL_STORE } from "./types.js";

export class SocialModule implements AppModule {
  readonly name = SOCIAL_MODULE;
  readonly storeKeys = [SOCIAL_STORE];
  constructor(
    readonly keeper: SocialKeeper,
    private readonly bank: SocialBankKeeper,
    private readonly roles: SocialRoleChecks & { hasRole(ctx: Context, role: string, address: string): boolean },
  ) {}

  registerMsgs(router: MsgRouter): void {
    registerSocialMsgs(router, this.keeper, this.bank);
    registerModerationMsgs(router, this.keeper, this.roles);
  }
  registerQueries(router: QueryRouter): void {
    registerSocialQueries(router, this.keeper);
  }
  registerInvariants(registry: InvariantRegistry): void {
    registerSocialInvariants(registry, this.keeper);
  }
  defaultGenesis(): unknown {
    return defaultSocialGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initSocialGenesis(ctx, this.keeper, genesis);
  }
  exportGenesis(ctx: Context): unknown {
    return exportSocialGenesis(ctx, this.keeper);
  }
  /** Handles whose cooldown ended become free for anyone. */
  endBlock(ctx: Context): void {
    for (const release of this.keeper.freeReleasedHandles(ctx)) ctx.events.emit("social_handle_freed", { handle: release.handle, previous_owner: release.previousOwner });
  }
  simulationOps(): WeightedOp[] {
    return socialSimulationOps(this.keeper, this.roles);
  }
  proposalMsgs(): WeightedProposalMsg[] {
    return socialProposalMsgs(this.keeper);
  }
}
