/**
 * Serving end to end, with faults: a real devnet under steady bank traffic streams its blocks to
 * `agorad indexer` (a child process) writing into a PostgreSQL of this test's own, and caches
 * queries in a Redis of its own. The indexer is killed mid-block, PostgreSQL crashes, Redis dies;
 * the node goes on through all of it, and at the end the SQL holds every block and tx exactly once
 * with the balances gRPC answers.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { GetTxsEventRequest, GetTxsEventResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { Redis } from "ioredis";
import pg from "pg";
import { agoradCli, Devnet } from "../support/devnet.js";
import { RawGrpcClient } from "../support/grpc-client.js";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres.js";
import { startOwnRedis, type OwnRedis } from "../support/own-redis.js";
import { sendMsg, signTx, testAccount, type TestAccount } from "../support/signing.js";

const CHAIN_ID = "agora-local-1";
const agorad = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "cmd", "agorad", "main.js");

let devnet: Devnet;
let postgres: OwnPostgres;
let redis: OwnRedis;
let sql: pg.Pool;
let grpc: RawGrpcClient;
let indexer: IndexerProcess;
let traffic: Traffic;
let alice: TestAccount;
let recipients: TestAccount[];

before(async () => {
  [postgres, redis] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
  alice = await testAccount(1);
  recipients = await Promise.all([2, 3, 4].map((seed) => testAccount(seed)));
  devnet = await Devnet.create(CHAIN_ID);
  await agoradCli(devnet.home, ["genesis", "add-genesis-account", alice.address, "5000000000uagora"]);
  devnet.setAppConfig("streaming", "blocks", true);
  devnet.setAppConfig("redis", "url", redis.url);
  await devnet.start();
  grpc = new RawGrpcClient(devnet.grpc);
  // The test's own reads survive PostgreSQL's crash: a broken idle connection is dropped, not thrown.
  sql = new pg.Pool({ connectionString: postgres.url, max: 3, connectionTimeoutMillis: 2_000 });
  sql.on("error", () => {});
  sql.on("connect", (client) => client.on("error", () => {}));
  indexer = new IndexerProcess(postgres.url, devnet.grpc);
  indexer.start();
  traffic = new Traffic(devnet, alice, recipients);
  await traffic.resume();
});

after(async () => {
  // A refused send has failed its test already; cleaning up goes on regardless.
  await traffic?.pause().catch(() => {});
  await indexer?.kill();
  indexer?.cleanup();
  grpc?.close();
  await sql?.end();
  await devnet?.destroy();
  await Promise.all([postgres?.destroy(), redis?.destroy()]);
});

test("the indexer killed -9 in the middle of a block's transaction indexes that block once after a restart", async () => {
  await waitFor("the indexer to index a block with txs", async () => Number(await one("SELECT count(*) AS n FROM txs")) > 0);
  // Hold the indexer inside a block: its transaction has written the header, txs and events, and
  // waits on the balances table that the test locks.
  const locker = await sql.connect();
  let blocked: { pid: number; query: string } | undefined;
  try {
    await locker.query("BEGIN; LOCK TABLE balances IN EXCLUSIVE MODE");
    await waitFor("the indexer to wait inside a block's transaction", async () => {
      const { rows } = await sql.query(`SELECT pid, query FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND backend_type = 'client backend'`);
      blocked = rows[0];
      return blocked !== undefined;
    });
    assert.match(blocked!.query, /insert into "balances"/i, "the indexer is writing a block's balances");
    const indexed = Number(await one("SELECT last_height AS n FROM indexer_state"));
    await indexer.kill();
    await locker.query("ROLLBACK");
    // Its connection's backend finds its client gone and rolls the half-written block back.
    await waitFor("the killed indexer's backend to end", async () => (await sql.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [blocked!.pid])).rowCount === 0);
    assert.equal(Number(await one("SELECT count(*) AS n FROM blocks WHERE height > $1", [indexed])), 0, "nothing of the interrupted block is left");

    indexer.start();
    await waitFor(`the restarted indexer to pass height ${indexed + 1}`, async () => Number(await one("SELECT last_height AS n FROM indexer_state")) > indexed + 1);
    assert.equal(Number(await one("SELECT count(*) AS n FROM blocks WHERE height = $1", [indexed + 1])), 1);
  } finally {
    locker.release();
  }
});

test("with PostgreSQL down the node keeps making blocks and taking txs; the indexer retries, then catches up", async () => {
  const sentBefore = traffic.sent.length;
  const logBefore = indexer.log().length;
  await postgres.crash();
  const down = await devnet.height();
  await devnet.waitForHeight(down + 4);
  const retries = () => indexer.log().slice(logBefore).split("\n").filter((line) => line.includes("retrying")).length;
  await waitFor("the indexer to log retries", async () => retries() >= 2);
  assert.equal(indexer.exitCode(), null, `the indexer keeps running while PostgreSQL is down:\n${indexer.log().slice(-2000)}`);
  assert.ok(traffic.sent.length > sentBefore, "txs were accepted while PostgreSQL was down");

  await postgres.start();
  const target = await devnet.height();
  await waitFor(`the indexer to catch up to height ${target}`, async () => Number(await one("SELECT last_height AS n FROM indexer_state").catch(() => 0)) >= target);
  assert.equal(indexer.exitCode(), null);
});

test("with Redis down, gRPC and REST balance queries answer right (uncached) and the node keeps going", async () => {
  await traffic.pause();
  await traffic.waitCommitted(grpc);
  const expected = (who: TestAccount) => traffic.sent.filter((s) => s.to === who.address).reduce((sum, s) => sum + s.amount, 0n);
  const check = async () => {
    for (const who of recipients) {
      assert.equal(await grpcBalance(who.address), expected(who), `gRPC balance of ${who.address}`);
      assert.equal(await restBalance(who.address), expected(who), `REST balance of ${who.address}`);
    }
  };
  await check();
  await waitFor("the answers to be cached in Redis", async () => (await grpcBalance(alice.address), (await cachedAnswers()) > 0));

  await redis.kill();
  const down = await devnet.height();
  await check();
  await devnet.waitForHeight(down + 3);
  await check();
  await waitFor("the node to log Redis unavailable", async () => readFileSync(join(devnet.home, "node.log"), "utf8").includes("Redis is unavailable"));

  await redis.start();
  await traffic.resume();
  await devnet.waitForHeight((await devnet.height()) + 3);
  await traffic.pause();
  await traffic.waitCommitted(grpc);
  // The node reconnects by itself; the cache comes back empty and fills with the new blocks' answers.
  await waitFor("the node to cache answers again", async () => (await grpcBalance(alice.address), (await cachedAnswers()) > 0));
  await check();
  await check();
});

/** Keys in the test's Redis (the cache's answers). */
async function cachedAnswers(): Promise<number> {
  const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return await client.dbsize();
  } finally {
    client.disconnect();
  }
}

test("at the end the SQL holds every height and tx once, and the balances gRPC answers at that height", async () => {
  await traffic.pause();
  const txs = await traffic.waitCommitted(grpc);
  const head = await devnet.height();
  await waitFor(`the indexer to reach height ${head}`, async () => Number(await one("SELECT last_height AS n FROM indexer_state")) >= head);
  const indexed = Number(await one("SELECT last_height AS n FROM indexer_state"));

  const heights = (await sql.query("SELECT height FROM blocks ORDER BY height")).rows.map((r) => Number(r.height));
  assert.deepEqual(heights, Array.from({ length: indexed }, (_, i) => i + 1), "every height 1..H exactly once");

  const rows = (await sql.query("SELECT hash, code FROM txs ORDER BY hash")).rows as { hash: string; code: number }[];
  assert.equal(rows.length, traffic.sent.length, "each tx sent is indexed once");
  assert.equal(rows.length, txs, "as many txs as the node's GetTxsEvent finds");
  assert.deepEqual(rows.map((r) => r.hash), traffic.sent.map((s) => s.hash).sort());
  assert.ok(rows.every((r) => r.code === 0));

  for (const who of [alice, ...recipients]) {
    const inSql = await one("SELECT amount AS n FROM balances WHERE address = $1 AND denom = 'uagora'", [who.address]);
    assert.equal(BigInt(inSql), await grpcBalance(who.address, indexed), `balance of ${who.address} at height ${indexed}`);
  }
  assert.equal(indexer.exitCode(), null);
});

/** The first row's `n` of a query. */
async function one(query: string, params: unknown[] = []): Promise<string> {
  const { rows } = await sql.query(query, params);
  return String(rows[0].n);
}

async function grpcBalance(address: string, height?: number): Promise<bigint> {
  const headers: Record<string, string> = height ? { "x-cosmos-block-height": String(height) } : {};
  const { response } = await grpc.call("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest.encode({ address, denom: "uagora" }).finish(), headers);
  return BigInt(QueryBalanceResponse.decode(response).balance?.amount ?? "0");
}

async function restBalance(address: string): Promise<bigint> {
  const res = await fetch(`${devnet.rest}/cosmos/bank/v1beta1/balances/${address}/by_denom?denom=uagora`);
  const body = (await res.json()) as { balance: { amount: string } };
  assert.equal(res.status, 200, JSON.stringify(body));
  return BigInt(body.balance.amount);
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; indexer log:\n${indexer?.log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `agorad indexer` as a child process in its own process group, its output kept in a temp dir. */
class IndexerProcess {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), "agora-indexer-"));
  private readonly logFile = join(this.dir, "indexer.log");

  constructor(
    private readonly pgUrl: string,
    private readonly grpcAddress: string,
  ) {}

  start(): void {
    const log = createWriteStream(this.logFile, { flags: "a" });
    const child = spawn(process.execPath, [agorad, "indexer", "--pg", this.pgUrl, "--grpc", this.grpcAddress, "--log-level", "debug"], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.child = child;
  }

  /** kill -9 of its process group; resolves when it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGKILL");
    await exited;
  }

  exitCode(): number | null {
    return this.child?.exitCode ?? null;
  }

  log(): string {
    try {
      return readFileSync(this.logFile, "utf8");
    } catch {
      return "";
    }
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface SentTx {
  hash: string;
  to: string;
  amount: bigint;
}

/** Bank sends from one account, one every 100 ms round-robin to the recipients, each accepted by CheckTx. */
class Traffic {
  readonly sent: SentTx[] = [];
  private running: Promise<void> | undefined;
  private stopping = false;
  private refused: Error | undefined;
  private accountNumber: bigint | undefined;

  constructor(
    private readonly devnet: Devnet,
    private readonly from: TestAccount,
    private readonly to: TestAccount[],
  ) {}

  async resume(): Promise<void> {
    if (this.running) return;
    if (this.accountNumber === undefined) {
      const res = await fetch(`${this.devnet.rest}/cosmos/auth/v1beta1/accounts/${this.from.address}`);
      this.accountNumber = BigInt(((await res.json()) as { account: { account_number: string } }).account.account_number);
    }
    this.stopping = false;
    this.running = this.loop().catch((err: Error) => void (this.refused = err));
  }

  /** Stops sending; rejects if a send was refused. */
  async pause(): Promise<void> {
    this.stopping = true;
    const running = this.running;
    this.running = undefined;
    await running;
    if (this.refused) throw this.refused;
  }

  /** Waits until the node finds every tx sent by its sender; returns how many it finds. */
  async waitCommitted(grpc: RawGrpcClient): Promise<number> {
    let total = -1;
    await waitFor(`the node to commit all ${this.sent.length} txs sent`, async () => {
      const request = GetTxsEventRequest.fromPartial({ query: `message.sender='${this.from.address}'`, limit: 1n });
      const { response } = await grpc.call("/cosmos.tx.v1beta1.Service/GetTxsEvent", GetTxsEventRequest.encode(request).finish());
      total = Number(GetTxsEventResponse.decode(response).total);
      return total === this.sent.length;
    });
    return total;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const to = this.to[this.sent.length % this.to.length]!;
      const amount = BigInt(1000 + this.sent.length);
      const tx = await signTx(this.from, [sendMsg(this.from.address, to.address, amount.toString())], {
        chainId: CHAIN_ID,
        accountNumber: this.accountNumber!,
        sequence: BigInt(this.sent.length),
      });
      const res = await fetch(this.devnet.rpc, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "broadcast_tx_sync", params: { tx: Buffer.from(tx).toString("base64") } }),
      });
      const body = (await res.json()) as { result?: { code: number; hash: string; log: string }; error?: unknown };
      if (!body.result || body.result.code !== 0) throw new Error(`a send was refused: ${JSON.stringify(body)}`);
      this.sent.push({ hash: body.result.hash, to: to.address, amount });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
