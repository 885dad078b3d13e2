/**
 * The large-genesis bench, run as its own process so its peak memory is measured alone:
 * `node dist/bench/genesis.js --write <accounts> <file>` writes the app_state JSON to a file;
 * `node dist/bench/genesis.js --from <file> <accounts>` reads it, as a node holds the bytes CometBFT hands
 * it, runs InitChain and the first block, and prints one JSON line of results.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { TestChain } from "../test/support/chain.js";
import { benchAddress, genesisAppState } from "./genesis-json.js";
import { peakRss, rss } from "./machine.js";

export interface GenesisResult {
  accounts: number;
  jsonBytes: number;
  /** Peak RSS with the JSON read, before InitChain: the share of the bytes CometBFT hands over. */
  peakRssBeforeInitChain: number;
  initChainSeconds: number;
  /** RSS right after InitChain, while its request (the JSON) is still held. */
  rssAfterInitChain: number;
  /** FinalizeBlock (empty) and Commit of the first block. */
  finalizeSeconds: number;
  commitSeconds: number;
  rssAfterCommit: number;
  peakRss: number;
  appHash: string;
}

const AMOUNT = 1_000_000_000n;
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;


async function main(path: string, count: number): Promise<GenesisResult> {
  let appStateBytes: Buffer | undefined = readFileSync(path);
  const jsonBytes = appStateBytes.length;
  let start = process.hrtime.bigint();
  const peakRssBeforeInitChain = peakRss();

  const chain = TestChain.open();
  start = process.hrtime.bigint();
  chain.app.base.initChain({
    time: { seconds: 1_700_000_000n, nanos: 0 },
    chainId: chain.chainId,
    validators: [],
    appStateBytes,
    initialHeight: 1n,
  });
  const initChainSeconds = seconds(start);
  const rssAfterInitChain = rss();
  appStateBytes = undefined;

  start = process.hrtime.bigint();
  const res = chain.app.base.finalizeBlock({
    txs: [],
    decidedLastCommit: { round: 0, votes: [] },
    misbehavior: [],
    hash: new Uint8Array(32),
    height: 1n,
    time: { seconds: 1_700_000_001n, nanos: 0 },
    nextValidatorsHash: new Uint8Array(32),
    proposerAddress: new Uint8Array(20),
  });
  const finalizeSeconds = seconds(start);
  start = process.hrtime.bigint();
  chain.app.base.commit();
  const commitSeconds = seconds(start);
  const rssAfterCommit = rss();

  for (const i of [0, count >> 1, count - 1]) {
    if (chain.balance(benchAddress(i)) !== AMOUNT) throw new Error(`account ${i} was not funded at genesis`);
  }
  const result: GenesisResult = {
    accounts: count,
    jsonBytes,
    peakRssBeforeInitChain,
    initChainSeconds,
    rssAfterInitChain,
    finalizeSeconds,
    commitSeconds,
    rssAfterCommit,
    peakRss: peakRss(),
    appHash: Buffer.from(res.appHash).toString("hex"),
  };
  await chain.close();
  rmSync(chain.home, { recursive: true, force: true });
  return result;
}

/** Builds the app_state JSON of `count` funded accounts into `path`. */
function write(count: number, path: string): { jsonBytes: number; buildSeconds: number } {
  const start = process.hrtime.bigint();
  const bytes = genesisAppState(count, AMOUNT);
  writeFileSync(path, bytes);
  return { jsonBytes: bytes.length, buildSeconds: seconds(start) };
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "--write") console.log(JSON.stringify(write(Number(args[0]), args[1]!)));
else if (mode === "--from") console.log(JSON.stringify(await main(args[0]!, Number(args[1]))));
else throw new Error("usage: genesis.js --write <accounts> <file> | --from <file> <accounts>");
