/**
 * `npm run bench:store`: the committed store (RootMultiStore on LMDB) at 1M and 10M keys;
 * --json prints the figures as JSON instead of a table; --quick (or BENCH_QUICK=1) runs a toy
 * size, as the tests do. Each store size runs in its own process.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { machine } from "../machine.js";
import { SNAPSHOT_KEYS, storePlans, QUICK_PLAN, type StorePlan } from "./plan.js";
import type { SizeFigures } from "./size.js";
import { benchSnapshot } from "../snapshot.js";
import { storeTable } from "./table.js";

const flags = new Set(process.argv.slice(2));
for (const flag of flags) {
  if (!["--json", "--quick"].includes(flag)) {
    console.error(`unknown option ${flag}; use --json (figures as JSON) or --quick (a toy size)`);
    process.exit(2);
  }
}
const quick = flags.has("--quick") || process.env.BENCH_QUICK === "1";
const json = flags.has("--json");

function runSize(plan: StorePlan): SizeFigures {
  const script = fileURLToPath(new URL("./size.js", import.meta.url));
  const child = spawnSync(process.execPath, [script, JSON.stringify(plan)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`the store bench at ${plan.keys} keys failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as SizeFigures;
}

const plans = storePlans({ quick });
if (!json) console.log(`Agora store bench${quick ? " (quick)" : ""}: ${machine()}`);
const sizes = plans.map(runSize);
const snapshot = benchSnapshot(quick ? QUICK_PLAN.keys : SNAPSHOT_KEYS);
if (json) console.log(JSON.stringify({ machine: machine(), sizes, snapshot }, null, 2));
else for (const line of storeTable(sizes, snapshot)) console.log(line);
