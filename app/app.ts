/**
 * The Agora app: keepers and their dependencies, module order, the ante chain, all on one
 * BaseApp over the node's state database.
 */
import { join } from "node:path";
import type { Logger } from "pino";
import { BaseApp } from "../sdk/baseapp/baseapp.js";
import { ModuleManager } from "../sdk/module/module.js";
import { DEFAULT_KEEP_RECENT, SnapshotManager, type SnapshotOptions } from "../sdk/snapshots/manager.js";
import { RootMultiStore } from "../sdk/store/multistore.js";
import type { PruningOptions } from "../sdk/store/pruning.js";
import { toAccAddress } from "../sdk/types/address.js";
import { parseGasPrices } from "../sdk/types/gas-price.js";
import { newAnteHandler } from "../x/auth/ante.js";
import { AccountKeeper } from "../x/auth/keeper.js";
import { AuthModule } from "../x/auth/module.js";
import { SignatureCache } from "../x/auth/signature-cache.js";
import { FEE_COLLECTOR } from "../x/auth/types.js";
import { BankKeeper } from "../x/bank/keeper.js";
import { BURNER } from "../x/bank/types.js";
import { BankModule } from "../x/bank/module.js";
import { GovKeeper } from "../x/governance/keeper.js";
import { GovernanceModule } from "../x/governance/module.js";
import { GOV_ACCOUNT } from "../x/governance/types.js";
import { UpgradeHandlers } from "../x/upgrade/handlers.js";
import { UpgradeKeeper } from "../x/upgrade/keeper.js";
import { UpgradeModule } from "../x/upgrade/module.js";
import { APP_NAME, APP_VERSION, BOND_DENOM } from "./constants.js";
import { registerUpgrades, writeUpgradeInfo, type UpgradeRegistrar } from "./upgrades.js";

export interface AgoraAppOptions {
  home: string;
  chainId: string;
  logger: Logger;
  /** This node's minimum gas prices for CheckTx, e.g. "0.0025uagora". */
  minGasPrices?: string;
  /** Which past versions of the state to keep (default: all). */
  pruning?: PruningOptions;
  /** When to snapshot the state for state sync (app.toml [state-sync]); default: never. */
  snapshots?: SnapshotOptions;
  /** Keep each block's record for the block stream (app.toml [streaming]); default: no. */
  streamBlocks?: boolean;
  /**
   * Upgrade handlers beyond this release's own (app/upgrades.ts): how `agorad start
   * --upgrade-handlers` loads an upgrade being rehearsed on a copy of the chain.
   */
  extraUpgrades?: UpgradeRegistrar[];
  /** Heights at which a due upgrade plan is skipped, not run (`--unsafe-skip-upgrades`). */
  skipUpgradeHeights?: bigint[];
}

/** Module accounts and what they may do. */
const MODULE_PERMISSIONS: Record<string, string[]> = {
  [FEE_COLLECTOR]: [],
  [GOV_ACCOUNT]: [BURNER],
};

export interface AgoraApp {
  base: BaseApp;
  snapshots: SnapshotManager;
  accounts: AccountKeeper;
  bank: BankKeeper;
  gov: GovKeeper;
  upgrade: UpgradeKeeper;
  /** The upgrade handlers this binary has, by plan name: `app.upgrades.register(name, handler)`. */
  upgrades: UpgradeHandlers;
  modules: ModuleManager;
}

/** What createModules needs from the node (none of it for default genesis). */
interface ModuleOptions {
  skipUpgradeHeights?: bigint[];
  home?: string;
}

export function stateDatabasePath(home: string): string {
  return join(home, "data", "application.lmdb");
}

export function snapshotsPath(home: string): string {
  return join(home, "data", "snapshots");
}

/** The keepers and the module manager, without a store: enough for default genesis. */
export function createModules(options: ModuleOptions = {}): Omit<AgoraApp, "base" | "snapshots"> {
  const accounts = new AccountKeeper(MODULE_PERMISSIONS);
  const blocked = new Set(Object.keys(MODULE_PERMISSIONS).map((name) => toAccAddress(accounts.moduleAddress(name))));
  const bank = new BankKeeper(accounts, blocked);
  const authority = toAccAddress(accounts.moduleAddress(GOV_ACCOUNT));
  const gov = new GovKeeper(accounts, bank, { authority, powerDenom: BOND_DENOM, moduleAccounts: Object.keys(MODULE_PERMISSIONS) });
  const upgrades = new UpgradeHandlers();
  const { home } = options;
  const upgrade = new UpgradeKeeper({
    authority,
    handlers: upgrades,
    moduleVersions: () => modules.versionMap(),
    skipHeights: new Set(options.skipUpgradeHeights ?? []),
    ...(home !== undefined ? { onUpgradeNeeded: (plan, height) => writeUpgradeInfo(home, plan, height) } : {}),
  });
  const modules = new ModuleManager([new AuthModule(accounts), new BankModule(bank), new GovernanceModule(gov), new UpgradeModule(upgrade)], {
    initGenesis: ["auth", "bank", "governance", "upgrade"],
    // The upgrade module first: a binary that must stop stops before the block changes anything.
    beginBlock: ["upgrade", "auth", "bank", "governance"],
    endBlock: ["auth", "bank", "governance", "upgrade"],
  });
  return { accounts, bank, gov, upgrade, upgrades, modules };
}

export function createApp(options: AgoraAppOptions): AgoraApp {
  const keepers = createModules({ home: options.home, ...(options.skipUpgradeHeights ? { skipUpgradeHeights: options.skipUpgradeHeights } : {}) });
  const { accounts, bank, modules } = keepers;
  const store = RootMultiStore.open(stateDatabasePath(options.home), modules.storeKeys(), options.pruning ? { pruning: options.pruning } : {});
  const snapshotOptions = options.snapshots ?? { interval: 0, keepRecent: DEFAULT_KEEP_RECENT };
  const snapshots = new SnapshotManager(snapshotsPath(options.home), store, snapshotOptions, options.logger);
  const base = new BaseApp({
    name: APP_NAME,
    version: APP_VERSION,
    chainId: options.chainId,
    store,
    modules,
    logger: options.logger,
    snapshots,
    recordBlocks: options.streamBlocks ?? false,
  });
  const minGasPrices = parseGasPrices(options.minGasPrices ?? "");
  base.anteHandler = newAnteHandler({
    accounts,
    bank,
    msgRouter: base.msgRouter,
    signatureCache: new SignatureCache(),
    feeDenom: BOND_DENOM,
    minGasPrices: () => minGasPrices,
  });
  const app: AgoraApp = { ...keepers, base, snapshots };
  for (const register of [registerUpgrades, ...(options.extraUpgrades ?? [])]) register(app);
  return app;
}
