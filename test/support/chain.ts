/** Drives the app in-process through ABCI requests, block by block, as CometBFT would. */
import { mkdtempSync, rmSync } from "node:fs";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CheckTxType, type CommitInfo, type Event, type ExecTxResult, type ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import { pino } from "pino";
import { createApp, type AgoraApp, type AgoraAppOptions } from "../../app/app.js";
import { SYNTHETIC_GENESIS_SECONDS, syntheticBlock } from "../../sdk/simulation/block-request.js";

export interface GenesisAccount {
  address: string;
  amount: bigint;
}

export function genesisState(accounts: GenesisAccount[]): Record<string, unknown> {
  return {
    auth: {
      accounts: accounts.map((a, i) => ({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: a.address, account_number: String(i), sequence: "0" })),
    },
    bank: { balances: accounts.map((a) => ({ address: a.address, coins: [{ denom: "uagora", amount: a.amount.toString() }] })) },
  };
}

/** Two accounts: alice with uatom, uagora and an IBC denom, bob with some uagora (query tests). */
export function twoAccountGenesis(alice: { address: string }, bob: { address: string }): Record<string, unknown> {
  return {
    auth: {
      accounts: [
        { "@type": "/cosmos.auth.v1beta1.BaseAccount", address: alice.address, account_number: "0", sequence: "0" },
        { "@type": "/cosmos.auth.v1beta1.BaseAccount", address: bob.address, account_number: "1", sequence: "0" },
      ],
    },
    bank: {
      balances: [
        { address: alice.address, coins: [{ denom: "uatom", amount: "500" }, { denom: "uagora", amount: "1000000" }, { denom: "ibc/ABC", amount: "7" }] },
        { address: bob.address, coins: [{ denom: "uagora", amount: "250" }] },
      ],
    },
  };
}

/** Homes TestChain made itself, removed when the test process ends (a test may only close its chain). */
const madeHomes: string[] = [];
process.once("exit", () => {
  for (const home of madeHomes) rmSync(home, { recursive: true, force: true });
});

function newHome(): string {
  const home = mkdtempSync(join(tmpdir(), "agora-chain-"));
  madeHomes.push(home);
  return home;
}

export class TestChain {
  height = 0n;
  private constructor(
    readonly app: AgoraApp,
    readonly home: string,
    readonly chainId: string,
  ) {}

  static open(home = newHome(), chainId = "agora-test-1", minGasPrices = "", options: Partial<Pick<AgoraAppOptions, "snapshots" | "streamBlocks" | "maxRecordedChanges" | "invariantCheckPeriod" | "extraUpgrades" | "skipUpgradeHeights">> = {}): TestChain {
    const app = createApp({ home, chainId, logger: pino({ level: "silent" }), minGasPrices, ...options });
    const chain = new TestChain(app, home, chainId);
    chain.height = app.base.info().lastBlockHeight;
    return chain;
  }

  initChain(appState: Record<string, unknown>): Uint8Array {
    return this.app.base.initChain({
      time: { seconds: SYNTHETIC_GENESIS_SECONDS, nanos: 0 },
      chainId: this.chainId,
      validators: [],
      appStateBytes: Buffer.from(JSON.stringify(appState)),
      initialHeight: 1n,
    }).appHash;
  }

  /** An ABCI query, at the latest height unless one is given. */
  query(path: string, data: Uint8Array, height = 0n, prove = false) {
    return this.app.base.query({ path, data, height, prove });
  }

  /** A bank balance through the Balance query, as a wallet reads it. */
  balance(address: string, denom = "uagora", height = 0n): bigint {
    const res = this.query("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest.encode({ address, denom }).finish(), height);
    if (res.code !== 0) throw new Error(`balance query for ${address} failed (${res.code}): ${res.log}`);
    return BigInt(QueryBalanceResponse.decode(res.value).balance!.amount);
  }

  checkTx(tx: Uint8Array, recheck = false) {
    return this.app.base.checkTx({ tx, type: recheck ? CheckTxType.RECHECK : CheckTxType.NEW });
  }

  /**
   * Finalizes and commits one block; returns its tx results, block events, validator updates and
   * app hash. `lastCommit` is the previous block's votes as CometBFT would decide them (none by default).
   */
  block(txs: Uint8Array[], lastCommit?: CommitInfo): { results: ExecTxResult[]; events: Event[]; validatorUpdates: ValidatorUpdate[]; appHash: Uint8Array } {
    const height = this.height + 1n;
    const response = this.app.base.finalizeBlock(syntheticBlock(height, txs, lastCommit));
    this.app.base.commit();
    this.height = height;
    return { results: response.txResults, events: response.events, validatorUpdates: response.validatorUpdates, appHash: response.appHash };
  }

  /** Waits for a snapshot being written, then closes the store. */
  async close(): Promise<void> {
    await this.app.snapshots.close();
    await this.app.base.store.close();
  }

  /** Closes the chain and removes its home. */
  async destroy(): Promise<void> {
    await this.close();
    rmSync(this.home, { recursive: true, force: true });
  }
}
