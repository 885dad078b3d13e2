/**
 * The upgrades this release carries. When governance schedules a plan, the release that follows
 * registers its handler here by the plan's name: the handler runs that release's store
 * migrations once, in the block at the plan's height, and the chain goes on with the new binary.
 * A handler stays here after its upgrade ran: a binary without it is taken for an old one.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "cosmjs-types/cosmos/upgrade/v1beta1/upgrade";
import type { AgoraApp } from "./app.js";

/** Registers upgrade handlers on an app: `app.upgrades.register(name, (ctx, plan) => ...)`. */
export type UpgradeRegistrar = (app: AgoraApp) => void;

/** This release's upgrade handlers (none yet: the chain has not been upgraded). */
export const registerUpgrades: UpgradeRegistrar = () => {};

/**
 * Where the halting binary leaves the plan it stops for, in the SDK's place and shape
 * (<home>/data/upgrade-info.json), so Cosmovisor can switch binaries.
 */
export function upgradeInfoPath(home: string): string {
  return join(home, "data", "upgrade-info.json");
}

export function writeUpgradeInfo(home: string, plan: Plan, height: bigint): void {
  mkdirSync(join(home, "data"), { recursive: true });
  writeFileSync(upgradeInfoPath(home), JSON.stringify({ name: plan.name, time: "0001-01-01T00:00:00Z", height: Number(height), info: plan.info }));
}
