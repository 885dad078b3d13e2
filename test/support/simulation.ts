/**
 * The app under the randomized simulation: a fresh in-process chain whose genesis funds many
 * accounts with seeded amounts, driven by every module's weighted operations.
 */
import type { AgoraApp } from "../../app/app.js";
import type { WeightedOp } from "../../sdk/simulation/operation.js";
import { Coins } from "../../sdk/types/coins.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { Rand } from "../../sdk/simulation/rand.js";
import { runSimulation, type SimulationReport } from "../../sdk/simulation/runner.js";
import { TestChain } from "./chain.js";
import { signTx, testAccount, type TestAccount } from "./signing.js";

export interface SimulationRun {
  seed: number;
  blocks: number;
  txsPerBlock?: number;
  accounts?: number;
  /** Operations beyond the modules' own (tests of the runner itself). */
  extraOps?: WeightedOp[];
  /** Called on the app before the first block, e.g. to register one more invariant. */
  prepare?(app: AgoraApp): void;
}

const FEE = { denom: "uagora", amount: 2000n };

/** Genesis: every account funded with uagora, about half with uatom too, amounts from the seed. */
function genesis(accounts: TestAccount[], rand: Rand): Record<string, unknown> {
  return {
    auth: {
      accounts: accounts.map((a, i) => ({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: a.address, account_number: String(i), sequence: "0" })),
    },
    bank: {
      balances: accounts.map((a) => ({
        address: a.address,
        coins: Coins.of([
          { denom: "uagora", amount: rand.between(10_000n, 10_000_000_000n) },
          { denom: "uatom", amount: rand.int(2) === 0 ? rand.between(1n, 1_000_000n) : 0n },
        ]).toProto(),
      })),
    },
  };
}

/** Runs one simulation on a new chain and removes it; the report has the app hash of each block. */
export async function simulate(run: SimulationRun): Promise<SimulationReport> {
  const accounts = await Promise.all(Array.from({ length: run.accounts ?? 40 }, (_, i) => testAccount(1000 + i)));
  const byAddress = new Map(accounts.map((a) => [a.address, a]));
  const chain = TestChain.open();
  try {
    chain.initChain(genesis(accounts, new Rand(run.seed ^ 0x5eed)));
    chain.block([]);
    const { app } = chain;
    run.prepare?.(app);
    return await runSimulation({
      app: app.base,
      invariants: app.invariants,
      ops: [...app.modules.simulationOps(), ...(run.extraOps ?? [])],
      accounts: accounts.map((a) => a.address),
      sign: (signer, msgs, account, fee) =>
        signTx(byAddress.get(signer)!, msgs, { chainId: chain.chainId, ...account, fee: [{ denom: fee.denom, amount: fee.amount.toString() }] }),
      account: (ctx, address) => app.accounts.getAccount(ctx, fromAccAddress(address)),
      balance: (ctx, address, denom) => app.bank.getBalance(ctx, fromAccAddress(address), denom),
      fee: FEE,
      seed: run.seed,
      blocks: run.blocks,
      txsPerBlock: run.txsPerBlock ?? 10,
      lastHeight: chain.height,
      wrongSequenceWeight: 5,
    });
  } finally {
    await chain.destroy();
  }
}
