/**
 * The upgrade keeper: the one scheduled plan, the upgrades done (by height, so the last one is
 * found first from the end), and the module versions the last upgrade left.
 */
import { Plan } from "cosmjs-types/cosmos/upgrade/v1beta1/upgrade";
import { pairKey, protoValue, stringKey, uint64Key, uint64Value, type ValueCodec } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import type { Context } from "../../sdk/types/context.js";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import type { UpgradeHandlers } from "./handlers.js";
import { UPGRADE_STORE, validatePlan } from "./types.js";

/** The SDK stores a done upgrade's key with the byte 1 as its value: the key is the record. */
const doneMarker: ValueCodec<true> = { encode: () => Uint8Array.of(1), decode: () => true };

export interface UpgradeKeeperOptions {
  /** The bech32 address allowed to schedule and cancel upgrades (the gov module account). */
  authority: string;
  handlers: UpgradeHandlers;
  /** This binary's module versions, recorded at genesis and after each upgrade. */
  moduleVersions: () => Map<string, bigint>;
  /** Heights at which a due plan is dropped instead of run (the operator's --unsafe-skip-upgrades). */
  skipHeights?: ReadonlySet<bigint>;
  /** Told just before the old binary halts (the app writes data/upgrade-info.json for Cosmovisor). */
  onUpgradeNeeded?: (plan: Plan, height: bigint) => void;
}

export class UpgradeKeeper {
  private readonly schema = new Schema(UPGRADE_STORE);
  readonly plan = this.schema.item(0x00, "plan", protoValue(Plan));
  readonly done = this.schema.map(0x01, "done", pairKey(uint64Key, stringKey), doneMarker);
  readonly versions = this.schema.map(0x02, "module_versions", stringKey, uint64Value);
  /**
   * Whether this process has checked, at its first block, that it is not older than the chain:
   * a per-process check, as in the SDK, so it is not state.
   */
  downgradeVerified = false;

  constructor(readonly options: UpgradeKeeperOptions) {}

  get authority(): string {
    return this.options.authority;
  }

  get handlers(): UpgradeHandlers {
    return this.options.handlers;
  }

  isSkipHeight(height: bigint): boolean {
    return this.options.skipHeights?.has(height) ?? false;
  }

  getUpgradePlan(ctx: StoreSource): Plan | undefined {
    return this.plan.get(ctx);
  }

  /** Schedules `plan`, replacing any plan scheduled before; refuses past heights and used names. */
  scheduleUpgrade(ctx: Context, plan: Plan): void {
    validatePlan(plan);
    if (plan.height <= ctx.height) {
      throw ErrInvalidRequest.wrap(`upgrade cannot be scheduled in the past: plan height ${plan.height} is not after the current height ${ctx.height}`);
    }
    const doneAt = this.doneHeight(ctx, plan.name);
    if (doneAt !== undefined) throw ErrInvalidRequest.wrap(`upgrade with name ${plan.name} has already been completed at height ${doneAt}; choose a new name`);
    this.plan.set(ctx, Plan.fromPartial({ name: plan.name, height: plan.height, info: plan.info }));
  }

  clearUpgradePlan(ctx: StoreSource): void {
    this.plan.delete(ctx);
  }

  /** The height `name` was applied at, or undefined when it never was. */
  doneHeight(ctx: StoreSource, name: string): bigint | undefined {
    for (const [[height, doneName]] of this.done.entries(ctx)) if (doneName === name) return height;
    return undefined;
  }

  /** The upgrade applied last, if any. */
  lastCompletedUpgrade(ctx: StoreSource): { name: string; height: bigint } | undefined {
    for (const [[height, name]] of this.done.entries(ctx, undefined, true)) return { name, height };
    return undefined;
  }

  setDone(ctx: StoreSource, name: string, height: bigint): void {
    this.done.set(ctx, [height, name], true);
  }

  /** Records this binary's module versions (at genesis, and once an upgrade's migrations ran). */
  setModuleVersions(ctx: StoreSource, versions: Map<string, bigint>): void {
    for (const [name, version] of versions) this.versions.set(ctx, name, version);
  }

  /** Runs the plan's handler, then marks the plan done at this height: it never runs again. */
  applyUpgrade(ctx: Context, plan: Plan): void {
    const handler = this.handlers.get(plan.name);
    if (!handler) throw new Error(`applyUpgrade called for "${plan.name}" without a handler`);
    handler(ctx, plan);
    this.setModuleVersions(ctx, this.options.moduleVersions());
    this.clearUpgradePlan(ctx);
    this.setDone(ctx, plan.name, ctx.height);
    ctx.events.emit("upgrade", { name: plan.name, height: ctx.height.toString() });
  }
}
