/**
 * Signed bank sends through the app in-process, a block at a time: optionally CheckTx for every
 * tx first (as the mempool does), then FinalizeBlock with the whole block, then Commit.
 */
import { rmSync } from "node:fs";
import { setTxProfiler, type TxProfiler } from "../sdk/baseapp/run-tx.js";
import { genesisState, TestChain } from "../test/support/chain.js";
import { sendMsg, signTx, testAccount, type TestAccount } from "../test/support/signing.js";

export interface Breakdown {
  decode: bigint;
  verify: bigint;
  exec: bigint;
  /** workingHash + Commit. */
  commit: bigint;
  other: bigint;
}

export interface ThroughputResult {
  label: string;
  txs: number;
  /** Txs (warm-up blocks included) whose CheckTx or FinalizeBlock result was not code 0. */
  failed: number;
  nanos: bigint;
  breakdown: Breakdown;
}

export interface ThroughputOptions {
  blockSize: number;
  warmupBlocks: number;
  blocks: number;
}

/** Block k's txs: each from a distinct sender of one half of the accounts, to the other half. */
async function signBlock(chain: TestChain, accounts: TestAccount[], blockSize: number, k: number): Promise<Uint8Array[]> {
  const groups = accounts.length / blockSize;
  const group = k % groups;
  const sequence = BigInt(Math.floor(k / groups));
  const txs: Uint8Array[] = [];
  for (let i = 0; i < blockSize; i++) {
    const index = group * blockSize + i;
    const from = accounts[index]!;
    const to = accounts[(index + blockSize) % accounts.length]!;
    txs.push(await signTx(from, [sendMsg(from.address, to.address, "1")], { chainId: chain.chainId, accountNumber: BigInt(index), sequence }));
  }
  return txs;
}

/** Accumulates the time spent in the store's workingHash and commit (the commit phase). */
function timeCommits(chain: TestChain): { nanos: bigint } {
  const store = chain.app.base.store;
  const acc = { nanos: 0n };
  for (const name of ["workingHash", "commit"] as const) {
    const original = store[name].bind(store) as (...args: unknown[]) => unknown;
    (store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const start = process.hrtime.bigint();
      try {
        return original(...args);
      } finally {
        acc.nanos += process.hrtime.bigint() - start;
      }
    };
  }
  return acc;
}

export async function runThroughput(o: ThroughputOptions): Promise<ThroughputResult[]> {
  const accounts = await Promise.all(Array.from({ length: 2 * o.blockSize }, (_, i) => testAccount(i)));
  const chain = TestChain.open();
  chain.initChain(genesisState(accounts.map((a) => ({ address: a.address, amount: 1_000_000_000_000n }))));
  chain.block([]);

  // Sign every block before timing anything: signing is the wallets' work, not the chain's.
  const phases = [
    { label: "CheckTx + FinalizeBlock + Commit", checkTx: true },
    { label: "FinalizeBlock + Commit (txs not seen by CheckTx)", checkTx: false },
  ];
  const signed: Uint8Array[][][] = [];
  let k = 0;
  for (const _ of phases) {
    const blocks: Uint8Array[][] = [];
    for (let b = 0; b < o.warmupBlocks + o.blocks; b++) blocks.push(await signBlock(chain, accounts, o.blockSize, k++));
    signed.push(blocks);
  }

  const commits = timeCommits(chain);
  const results: ThroughputResult[] = [];
  for (const [p, phase] of phases.entries()) {
    const prof: TxProfiler = { decode: 0n, verify: 0n, exec: 0n };
    let nanos = 0n;
    let failed = 0;
    let txs = 0;
    for (const [b, block] of signed[p]!.entries()) {
      const measured = b >= o.warmupBlocks;
      if (measured && b === o.warmupBlocks) {
        setTxProfiler(prof);
        commits.nanos = 0n;
      }
      const start = process.hrtime.bigint();
      if (phase.checkTx) for (const tx of block) if (chain.checkTx(tx).code !== 0) failed++;
      const { results: txResults } = chain.block(block);
      const end = process.hrtime.bigint();
      failed += txResults.filter((r) => r.code !== 0).length;
      if (!measured) continue;
      nanos += end - start;
      txs += block.length;
    }
    setTxProfiler(undefined);
    const exec = prof.exec - prof.verify;
    const commit = commits.nanos;
    const other = nanos - prof.decode - prof.verify - exec - commit;
    results.push({ label: phase.label, txs, failed, nanos, breakdown: { decode: prof.decode, verify: prof.verify, exec, commit, other } });
  }
  await chain.close();
  rmSync(chain.home, { recursive: true, force: true });
  return results;
}
