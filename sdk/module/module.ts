/**
 * The AppModule contract and the module manager: which stores a module mounts, what it routes,
 * its genesis, its invariants and simulation operations, and the order modules run in at genesis
 * and at the start and end of each block.
 */
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import type { MsgRouter } from "../baseapp/msg-router.js";
import type { QueryRouter } from "../baseapp/query-router.js";
import type { JsonSections } from "../codec/json-sections.js";
import type { TypeRegistry } from "../codec/registry.js";
import type { InvariantRegistry } from "../invariants/registry.js";
import type { WeightedOp, WeightedProposalMsg } from "../simulation/operation.js";
import type { Context } from "../types/context.js";

export interface AppModule {
  readonly name: string;
  /** Stores this module mounts in the multistore. */
  readonly storeKeys: readonly string[];
  /** The version of the module's state layout; an upgrade that migrates it raises it (default 1). */
  readonly consensusVersion?: number;
  registerTypes?(registry: TypeRegistry): void;
  registerMsgs?(router: MsgRouter): void;
  registerQueries?(router: QueryRouter): void;
  defaultGenesis?(): unknown;
  /**
   * Validates and loads the module's section of the genesis app state. A module that decides the
   * validator set (staking, or genutil delivering gentxs) returns it for InitChain's answer.
   */
  initGenesis?(ctx: Context, genesis: unknown): ValidatorUpdate[] | void;
  exportGenesis?(ctx: Context): unknown;
  beginBlock?(ctx: Context): void;
  endBlock?(ctx: Context): ValidatorUpdate[] | void;
  /** Registers what must hold of this module's state after every block. */
  registerInvariants?(registry: InvariantRegistry): void;
  /**
   * The random operations this module adds to the simulation, with their weights; `proposalMsgs`
   * are every module's messages for proposals (governance submits them).
   */
  simulationOps?(proposalMsgs: readonly WeightedProposalMsg[]): WeightedOp[];
  /** Authority-signed messages this module offers for simulated proposals (the SDK's ProposalMsgs). */
  proposalMsgs?(): WeightedProposalMsg[];
}

export interface ModuleOrder {
  initGenesis: string[];
  beginBlock: string[];
  endBlock: string[];
}

export class ModuleManager {
  private readonly byName = new Map<string, AppModule>();

  constructor(
    modules: AppModule[],
    private readonly order: ModuleOrder,
  ) {
    for (const m of modules) {
      if (this.byName.has(m.name)) throw new Error(`module ${m.name} is added twice`);
      this.byName.set(m.name, m);
    }
    for (const [phase, names] of Object.entries(order) as [string, string[]][]) {
      const missing = [...this.byName.keys()].filter((n) => !names.includes(n));
      const unknown = names.filter((n) => !this.byName.has(n));
      if (missing.length || unknown.length) {
        throw new Error(`${phase} order must name every module once: missing [${missing}], unknown [${unknown}]`);
      }
    }
  }

  get modules(): AppModule[] {
    return [...this.byName.values()];
  }

  /** Each module's consensus version, by module name in sorted order, as the upgrade module records them. */
  versionMap(): Map<string, bigint> {
    const names = [...this.byName.keys()].sort();
    return new Map(names.map((n) => [n, BigInt(this.byName.get(n)!.consensusVersion ?? 1)]));
  }

  storeKeys(): string[] {
    return this.modules.flatMap((m) => m.storeKeys);
  }

  register(registry: TypeRegistry, msgs: MsgRouter, queries: QueryRouter): void {
    for (const m of this.modules) {
      m.registerTypes?.(registry);
      m.registerMsgs?.(msgs);
      m.registerQueries?.(queries);
    }
  }

  registerInvariants(registry: InvariantRegistry): void {
    for (const m of this.modules) m.registerInvariants?.(registry);
  }

  simulationOps(): WeightedOp[] {
    const proposalMsgs = this.modules.flatMap((m) => m.proposalMsgs?.() ?? []);
    return this.modules.flatMap((m) => m.simulationOps?.(proposalMsgs) ?? []);
  }

  defaultGenesis(): Record<string, unknown> {
    const state: Record<string, unknown> = {};
    for (const m of this.modules) if (m.defaultGenesis) state[m.name] = m.defaultGenesis();
    return state;
  }

  /**
   * Runs each module's genesis in order; sections are parsed one at a time, when needed. Returns
   * the genesis validator set, which at most one module may give (as the SDK's manager).
   */
  initGenesis(ctx: Context, appState: JsonSections): ValidatorUpdate[] {
    const unknown = appState.names().filter((n) => !this.byName.has(n));
    if (unknown.length) throw new Error(`genesis app_state has sections for unknown modules: ${unknown.join(", ")}`);
    let validators: { from: string; updates: ValidatorUpdate[] } | undefined;
    for (const name of this.order.initGenesis) {
      const m = this.byName.get(name)!;
      const updates = m.initGenesis?.(ctx, appState.parseStreaming(name) ?? m.defaultGenesis?.());
      if (!updates || updates.length === 0) continue;
      if (validators) throw new Error(`genesis validators come from both ${validators.from} and ${name}: only one module may set them`);
      validators = { from: name, updates };
    }
    return validators?.updates ?? [];
  }

  exportGenesis(ctx: Context): Record<string, unknown> {
    const state: Record<string, unknown> = {};
    for (const name of this.order.initGenesis) {
      const m = this.byName.get(name)!;
      if (m.exportGenesis) state[name] = m.exportGenesis(ctx);
    }
    return state;
  }

  beginBlock(ctx: Context): void {
    for (const name of this.order.beginBlock) this.byName.get(name)!.beginBlock?.(ctx);
  }

  endBlock(ctx: Context): ValidatorUpdate[] {
    const updates: ValidatorUpdate[] = [];
    for (const name of this.order.endBlock) {
      const result = this.byName.get(name)!.endBlock?.(ctx);
      if (result) updates.push(...result);
    }
    return updates;
  }
}
