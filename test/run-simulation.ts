/**
 * `npm run sim` / `make sim`: a longer randomized simulation than the test suite's, printing the
 * final app hash (run twice with one SEED to see the same hash). SEED, BLOCKS, TXS (per block)
 * and ACCOUNTS from the environment.
 */
import { simulate } from "./support/simulation.js";

function wholeNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  if (!/^\d{1,9}$/.test(text)) {
    process.stderr.write(`Error: ${name} must be a whole number, got "${text}"\n`);
    process.exit(1);
  }
  return Number(text);
}

const seed = wholeNumber("SEED", 1);
const blocks = wholeNumber("BLOCKS", 1000);
const txsPerBlock = wholeNumber("TXS", 20);
const accounts = wholeNumber("ACCOUNTS", 100);
try {
  const report = await simulate({ seed, blocks, txsPerBlock, accounts });
  for (const [op, count] of Object.entries(report.txsByOp)) console.log(`${op.padEnd(36)} ${count} txs`);
  const refusals = Object.entries(report.refusals).sort(([a], [b]) => (a < b ? -1 : 1));
  console.log(`refused as planned: ${refusals.map(([error, count]) => `${error}: ${count}`).join(", ")}`);
  const ended = (result: string) => report.blockEvents[`active_proposal:${result}`] ?? 0;
  console.log(
    `proposals: ${ended("proposal_passed")} passed, ${ended("proposal_failed")} failed on execution, ${ended("proposal_rejected")} rejected (${report.vetoed} vetoed), ` +
      `${report.blockEvents["inactive_proposal:proposal_dropped"] ?? 0} dropped, ${ended("expedited_proposal_rejected")} expedited turned regular`,
  );
  const count = (type: string) => report.txEvents[type] ?? 0;
  console.log(`roles: ${count("grant_role")} granted, ${count("revoke_role")} revoked, ${report.blockEvents["role_expired"] ?? 0} expired; circuit: ${count("circuit_breaker_tripped")} trips, ${count("circuit_breaker_reset")} resets`);
  console.log(`seed ${seed}, ${blocks} blocks: app hash ${report.appHashes.at(-1)?.toUpperCase() ?? "(no blocks)"}`);
} catch (err) {
  process.stderr.write(`Error: ${(err as Error).message}\n`);
  process.exit(1);
}
