/**
 * `agorad start --upgrade-handlers <module.js>`: upgrade handlers from a JavaScript module, on top
 * of the ones this release carries (app/upgrades.ts). It is how a handler is rehearsed before a
 * release has it: on a copy of a node's home, the old binary halts at the plan and this flag
 * restarts it as the new one. The module runs with the node's rights: load only your own code.
 */
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { UpgradeRegistrar } from "../../../app/upgrades.js";
import { CliError } from "../cli.js";

/** Imports `path`, which must export `registerUpgrades(app)` as app/upgrades.ts does. */
export async function loadUpgradeHandlers(path: string): Promise<UpgradeRegistrar> {
  const file = isAbsolute(path) ? path : resolve(path);
  let loaded: { registerUpgrades?: unknown };
  try {
    loaded = (await import(pathToFileURL(file).href)) as { registerUpgrades?: unknown };
  } catch (err) {
    throw new CliError(`--upgrade-handlers: cannot load ${file}: ${(err as Error).message}`);
  }
  if (typeof loaded.registerUpgrades !== "function") {
    throw new CliError(`--upgrade-handlers: ${file} must export a function registerUpgrades(app) that calls app.upgrades.register(name, handler)`);
  }
  return loaded.registerUpgrades as UpgradeRegistrar;
}

/** `--unsafe-skip-upgrades 120,340` (or given twice): heights whose due plan is dropped. */
export function parseSkipHeights(values: string[]): bigint[] {
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "")
    .map((v) => {
      if (!/^[1-9][0-9]*$/.test(v)) throw new CliError(`--unsafe-skip-upgrades: expected block heights like 120,340, got "${v}"`);
      return BigInt(v);
    });
}
