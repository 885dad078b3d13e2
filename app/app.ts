/**
 * The Agora app: keepers and their dependencies, module order, the ante chain, all on one
 * BaseApp over the node's state database.
 */
import { join } from "node:path";
import type { Logger } from "pino";
import { BaseApp } from "../sdk/baseapp/baseapp.js";
import { InvariantRegistry } from "../sdk/invariants/registry.js";
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
import { distributionHooks } from "../x/distribution/hooks.js";
import { DistributionKeeper } from "../x/distribution/keeper.js";
import { DistributionModule } from "../x/distribution/module.js";
import { DISTRIBUTION_ACCOUNT } from "../x/distribution/types.js";
import { BankKeeper } from "../x/bank/keeper.js";
import { BURNER } from "../x/bank/types.js";
import { BankModule } from "../x/bank/module.js";
import { CircuitKeeper } from "../x/circuit/keeper.js";
import { CircuitModule } from "../x/circuit/module.js";
import { GovKeeper } from "../x/governance/keeper.js";
import { GovernanceModule } from "../x/governance/module.js";
import { GOV_ACCOUNT } from "../x/governance/types.js";
import { GenutilModule } from "../x/genutil/module.js";
import { StakingKeeper } from "../x/staking/keeper.js";
import { StakingModule } from "../x/staking/module.js";
import { BONDED_POOL, NOT_BONDED_POOL, STAKING_PERMISSION, VALOPER_PREFIX } from "../x/staking/types.js";
import { applyValidatorSetUpdates } from "../x/staking/validator-set.js";
import { runTx } from "../sdk/baseapp/run-tx.js";
import { EvidenceKeeper } from "../x/evidence/keeper.js";
import { EvidenceModule } from "../x/evidence/module.js";
import { SlashingKeeper } from "../x/slashing/keeper.js";
import { SlashingModule } from "../x/slashing/module.js";
import { RolesKeeper } from "../x/roles/keeper.js";
import { RolesModule } from "../x/roles/module.js";
import { SocialKeeper } from "../x/social/keeper.js";
import { SocialModule } from "../x/social/module.js";
import { UpgradeHandlers } from "../x/upgrade/handlers.js";
import { UpgradeKeeper } from "../x/upgrade/keeper.js";
import { UpgradeModule } from "../x/upgrade/module.js";
import { CommerceKeeper } from "../x/commerce/keeper.js";
import { CommerceModule } from "../x/commerce/module.js";
import { ESCROW_ACCOUNT } from "../x/commerce/types.js";
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
  /** The largest change set a block record keeps; larger ones are streamed as the state instead. */
  maxRecordedChanges?: number;
  /** Check every invariant each this many blocks and halt when one breaks (app.toml [crisis]); default 0: never. */
  invariantCheckPeriod?: number;
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
  [DISTRIBUTION_ACCOUNT]: [],
  [GOV_ACCOUNT]: [BURNER],
  [BONDED_POOL]: [BURNER, STAKING_PERMISSION],
  [NOT_BONDED_POOL]: [BURNER, STAKING_PERMISSION],
  [ESCROW_ACCOUNT]: [],
};

export interface AgoraApp {
  base: BaseApp;
  snapshots: SnapshotManager;
  accounts: AccountKeeper;
  bank: BankKeeper;
  roles: RolesKeeper;
  social: SocialKeeper;
  circuit: CircuitKeeper;
  gov: GovKeeper;
  staking: StakingKeeper;
  slashing: SlashingKeeper;
  evidence: EvidenceKeeper;
  distribution: DistributionKeeper;
  genutil: GenutilModule;
  upgrade: UpgradeKeeper;
  commerce: CommerceKeeper;
  /** The upgrade handlers this binary has, by plan name: `app.upgrades.register(name, handler)`. */
  upgrades: UpgradeHandlers;
  modules: ModuleManager;
  invariants: InvariantRegistry;
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
  /** The gov module account: the authority of every privileged message. */
  const authority = toAccAddress(accounts.moduleAddress(GOV_ACCOUNT));
  const roles = new RolesKeeper(authority);
  const circuit = new CircuitKeeper();
  const social = new SocialKeeper(authority);
  const staking = new StakingKeeper(accounts, bank, authority);
  const gov = new GovKeeper(accounts, bank, staking, { authority, validatorPrefix: VALOPER_PREFIX });
  const distribution = new DistributionKeeper(accounts, bank, staking, FEE_COLLECTOR, authority);
  staking.hooks.add(distributionHooks(distribution));
  const slashing = new SlashingKeeper(staking, authority);
  staking.hooks.add({ afterValidatorBonded: (ctx, consAddress) => slashing.afterValidatorBonded(ctx, consAddress) });
  const evidence = new EvidenceKeeper(slashing, staking);
  const commerce = new CommerceKeeper({ bank, distribution, accounts, roles, authority });
  const genutil = new GenutilModule((ctx) => applyValidatorSetUpdates(ctx, staking));
  const upgrades = new UpgradeHandlers();
  const { home } = options;
  const upgrade = new UpgradeKeeper({
    authority,
    handlers: upgrades,
    moduleVersions: () => modules.versionMap(),
    skipHeights: new Set(options.skipUpgradeHeights ?? []),
    ...(home !== undefined ? { onUpgradeNeeded: (plan, height) => writeUpgradeInfo(home, plan, height) } : {}),
  });
  const modules = new ModuleManager(
    [
      new AuthModule(accounts),
      new BankModule(bank),
      new StakingModule(staking),
      new DistributionModule(distribution),
      new SlashingModule(slashing),
      new EvidenceModule(evidence),
      new RolesModule(roles),
      new CircuitModule(circuit, roles),
      new GovernanceModule(gov),
      new UpgradeModule(upgrade),
      new SocialModule(social, bank, roles),
      new CommerceModule(commerce, roles),
      genutil,
    ],
    {
      // Gentxs last: they need funded accounts and staking's params.
      // Distribution before staking, as the SDK: its genesis checks its account's balance only.
      initGenesis: ["auth", "bank", "distribution", "staking", "slashing", "evidence", "roles", "circuit", "governance", "upgrade", "commerce", "social", "genutil"],
      // The upgrade module first: a binary that must stop stops before the block changes anything.
      // Then, as the SDK: distribution pays the previous block's fees before anything changes the
      // stake; slashing and evidence before staking, so punishments of the last block's signers are
      // in the validator set staking computes at the end of this one.
      beginBlock: ["upgrade", "auth", "bank", "distribution", "slashing", "evidence", "staking", "roles", "circuit", "governance", "commerce", "social", "genutil"],
      // As the SDK: governance's passed proposals run before staking computes the next validator set.
      endBlock: ["auth", "bank", "slashing", "evidence", "roles", "circuit", "governance", "staking", "distribution", "commerce", "social", "genutil", "upgrade"],
    },
  );
  const invariants = new InvariantRegistry();
  modules.registerInvariants(invariants);
  return { accounts, bank, roles, social, circuit, gov, staking, distribution, slashing, evidence, genutil, upgrade, upgrades, modules, invariants, commerce };
}

export function createApp(options: AgoraAppOptions): AgoraApp {
  const keepers = createModules({ home: options.home, ...(options.skipUpgradeHeights ? { skipUpgradeHeights: options.skipUpgradeHeights } : {}) });
  const { accounts, bank, genutil, modules, invariants } = keepers;
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
    ...(options.maxRecordedChanges !== undefined ? { maxRecordedChanges: options.maxRecordedChanges } : {}),
    invariants,
    invariantCheckPeriod: options.invariantCheckPeriod ?? 0,
  });
  genutil.deliverTx = (ctx, txBytes) => runTx(base, "genesis", ctx.block, ctx.multiStore, txBytes);
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
