/** The evidence module: double-sign evidence from CometBFT slashes, jails for ever and tombstones. */
import { Equivocation } from "cosmjs-types/cosmos/evidence/v1beta1/evidence";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { TypeRegistry } from "../../sdk/codec/registry.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { Context } from "../../sdk/types/context.js";
import { evidenceBeginBlock } from "./begin-block.js";
import { defaultEvidenceGenesis, exportEvidenceGenesis, initEvidenceGenesis, type EvidenceGenesis } from "./genesis.js";
import type { EvidenceKeeper } from "./keeper.js";
import { registerEvidenceQueries } from "./query-server.js";
import { EVIDENCE_MODULE, EVIDENCE_STORE } from "./types.js";

export class EvidenceModule implements AppModule {
  readonly name = EVIDENCE_MODULE;
  readonly storeKeys = [EVIDENCE_STORE];

  constructor(readonly keeper: EvidenceKeeper) {}

  /** Equivocation travels in the queries' Anys: registered so REST and clients can read it. */
  registerTypes(registry: TypeRegistry): void {
    registry.register(Equivocation);
  }
  registerQueries(router: QueryRouter): void {
    registerEvidenceQueries(router, this.keeper);
  }
  defaultGenesis(): EvidenceGenesis {
    return defaultEvidenceGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initEvidenceGenesis(ctx, this.keeper, genesis as EvidenceGenesis);
  }
  exportGenesis(ctx: Context): EvidenceGenesis {
    return exportEvidenceGenesis(ctx, this.keeper);
  }
  beginBlock(ctx: Context): void {
    evidenceBeginBlock(ctx, this.keeper);
  }
}
