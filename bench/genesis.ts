/**
 * The large-genesis bench, run as its own process so its peak memory is measured alone:
 * `node dist/bench/genesis.js <accounts>` prints one JSON line of results. With `--parse-only`
 * it only builds the app_state and parses its largest section as BaseApp.initChain does, for the
 * share of the peak that is the JSON's alone.
 */
import { rmSync } from "node:fs";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { jsonSections } from "../sdk/codec/json-sections.js";
import { TestChain } from "../test/support/chain.js";
import { benchAddress, genesisAppState } from "./genesis-json.js";
import { peakRss, rss } from "./machine.js";

export interface GenesisResult {
  accounts: number;
  jsonBytes: number;
  buildSeconds: number;
  /** Peak RSS once the JSON is built, before InitChain: the harness's share. */
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

function balanceOf(chain: TestChain, address: string): bigint {
  const res = chain.app.base.query({
    path: "/cosmos.bank.v1beta1.Query/Balance",
    data: QueryBalanceRequest.encode({ address, denom: "uagora" }).finish(),
    height: 0n,
    prove: false,
  });
  if (res.code !== 0) throw new Error(`balance query failed: ${res.log}`);
  return BigInt(QueryBalanceResponse.decode(res.value).balance!.amount);
}

async function main(count: number): Promise<GenesisResult> {
  let start = process.hrtime.bigint();
  let appStateBytes: Buffer | undefined = genesisAppState(count, AMOUNT);
  const jsonBytes = appStateBytes.length;
  const buildSeconds = seconds(start);
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
    if (balanceOf(chain, benchAddress(i)) !== AMOUNT) throw new Error(`account ${i} was not funded at genesis`);
  }
  const result: GenesisResult = {
    accounts: count,
    jsonBytes,
    buildSeconds,
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

/** Peak RSS of building the app_state and parsing it the way BaseApp.initChain does. */
function parseOnly(count: number): { peakRss: number } {
  const appStateBytes: Uint8Array = genesisAppState(count, AMOUNT);
  const sections = jsonSections(appStateBytes);
  // InitChain holds one module's section at a time; the auth section is the largest.
  const auth = sections.parse("auth") as { accounts: unknown[] };
  if (auth.accounts.length !== count) throw new Error("the app_state did not parse back");
  return { peakRss: peakRss() };
}

const count = Number(process.argv[2] ?? 1_000_000);
console.log(JSON.stringify(process.argv.includes("--parse-only") ? parseOnly(count) : await main(count)));
