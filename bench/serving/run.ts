/**
 * `npm run bench:serving`: the node's serving paths under load.
 *  - balance queries over gRPC and REST, without and with the Redis cache: p50/p99 latency and
 *    requests/s at a fixed offered rate, the load coming from a second process on loopback;
 *  - the block stream into PostgreSQL through `agorad indexer`'s loop: blocks/s and events/s.
 * Needs PostgreSQL and Redis (scripts/services.sh start); AGORA_TEST_PG / AGORA_TEST_REDIS say where.
 * BENCH_QUICK=1 runs small sizes.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { Redis } from "ioredis";
import pg from "pg";
import { pino } from "pino";
import { openIndexerDatabase } from "../../cmd/agorad/indexer/database.js";
import { migrateIndexer } from "../../cmd/agorad/indexer/migrate.js";
import { runIndexer } from "../../cmd/agorad/indexer/run.js";
import { QueryCache } from "../../sdk/server/cache/query-cache.js";
import { RedisGuard } from "../../sdk/server/cache/redis-guard.js";
import { GrpcServer } from "../../sdk/server/grpc/server.js";
import { createRestServer } from "../../sdk/server/rest/server.js";
import { addStreamService } from "../../sdk/server/stream/grpc-service.js";
import { genesisState, TestChain } from "../../test/support/chain.js";
import { sendMsg, signTx, testAccount } from "../../test/support/signing.js";
import { machine } from "../machine.js";

const run = promisify(execFile);
const quick = process.env.BENCH_QUICK === "1";
const RATE = quick ? 200 : 1000;
const SECONDS = quick ? 2 : 10;
const BLOCKS = quick ? 5 : 100;
const TXS_PER_BLOCK = quick ? 5 : 50;
const PG_URL = process.env.AGORA_TEST_PG ?? "postgres://agora_test:agora_test@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.AGORA_TEST_REDIS ?? "redis://127.0.0.1:6379";

interface LoadResult {
  ok: number;
  failed: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

/** The load process's result; asynchronous, since this process serves the requests meanwhile. */
async function load(kind: "rest" | "grpc", target: string, address: string): Promise<LoadResult> {
  const script = fileURLToPath(new URL("./load.js", import.meta.url));
  const { stdout } = await run(process.execPath, [script, kind, target, address, String(RATE), String(SECONDS)], { encoding: "utf8" });
  return JSON.parse(stdout.trim()) as LoadResult;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const alice = await testAccount(1);
const bob = await testAccount(2);
const chain = TestChain.open(undefined, undefined, undefined, { streamBlocks: true });
const redis = new Redis(REDIS_URL, { keyPrefix: `agora_bench_${randomBytes(4).toString("hex")}:`, maxRetriesPerRequest: 0 });
const database = `agora_bench_${randomBytes(4).toString("hex")}`;
const rows: string[] = [];
try {
  chain.initChain(genesisState([{ address: alice.address, amount: 10n ** 15n }]));
  chain.block([]);
  let sequence = 0n;
  for (let b = 0; b < BLOCKS; b++) {
    const txs = [];
    for (let t = 0; t < TXS_PER_BLOCK; t++) {
      txs.push(await signTx(alice, [sendMsg(alice.address, bob.address, "1")], { chainId: chain.chainId, accountNumber: 0n, sequence: sequence++, fee: [{ denom: "uagora", amount: "2000" }] }));
    }
    chain.block(txs);
  }

  // Queries: one server of each kind without and with the cache, loaded from another process.
  const base = chain.app.base;
  const cache = new QueryCache(new RedisGuard(redis, undefined, 1000));
  const app = { name: "agora", appName: "agorad", version: "bench", consensusPrefix: "agoravalcons" };
  for (const cached of [false, true]) {
    const grpc = new GrpcServer(base, { cometRpc: "http://127.0.0.1:1", app, ...(cached ? { cache } : {}) });
    const grpcPort = await grpc.listen("127.0.0.1:0");
    const rest = await createRestServer(base, { rpcAddress: "tcp://127.0.0.1:1", ...(cached ? { cache } : {}) });
    await rest.listen({ host: "127.0.0.1", port: 0 });
    const restUrl = `http://127.0.0.1:${(rest.server.address() as { port: number }).port}`;
    for (const [kind, target] of [["grpc", `127.0.0.1:${grpcPort}`], ["rest", restUrl]] as const) {
      const r = await load(kind, target, bob.address);
      rows.push(
        `${`${kind === "grpc" ? "gRPC" : "REST"} balance, ${cached ? "Redis cache" : "no cache"}`.padEnd(34)}${r.requestsPerSecond.toFixed(0).padStart(8)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  (${r.failed} failed)`,
      );
    }
    await grpc.close();
    await rest.close();
  }

  // The stream into PostgreSQL.
  await adminQuery(`CREATE DATABASE ${database}`);
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  const db = openIndexerDatabase(url.toString());
  await migrateIndexer(db, "latest");
  const server = new Server();
  addStreamService(server, base.store, base.commits);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  const stop = new AbortController();
  const start = performance.now();
  await runIndexer({ db, grpc: `127.0.0.1:${port}`, logger: pino({ level: "silent" }), signal: stop.signal, onIndexed: (h) => h >= chain.height && stop.abort() });
  const seconds = (performance.now() - start) / 1000;
  const { n: events } = await db.selectFrom("events").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  rows.push(
    `${"block stream into PostgreSQL".padEnd(34)}${(Number(chain.height) / seconds).toFixed(1).padStart(8)} blocks/s  ${(Number(events) / seconds).toFixed(0)} events/s  (${chain.height} blocks of ${TXS_PER_BLOCK} sends, ${events} events, ${seconds.toFixed(1)} s)`,
  );
  await db.destroy();
  await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
} finally {
  redis.disconnect();
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  await chain.destroy();
}

console.log(`Agora serving bench: ${machine()}`);
console.log(`offered load ${RATE} req/s for ${SECONDS} s from a second process on loopback\n`);
for (const row of rows) console.log(row);
process.exit(0);
