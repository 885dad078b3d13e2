import assert from "node:assert/strict";
import { test } from "node:test";
import { Redis } from "ioredis";
import { genesisState, TestChain } from "../../../test/support/chain.js";
import { createTestRedis } from "../../../test/support/redis.js";
import { sendMsg, signTx, testAccount } from "../../../test/support/signing.js";
import { QueryCache } from "../cache/query-cache.js";
import { RateLimiter } from "../cache/rate-limit.js";
import { RedisGuard } from "../cache/redis-guard.js";
import { createRestServer } from "./server.js";

const FEE = [{ denom: "uagora", amount: "2000" }];

test("REST with Redis: cached balances follow new blocks, and a client over its rate limit gets 429 with Retry-After", async () => {
  const { redis, prefix } = await createTestRedis();
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const chain = TestChain.open();
  chain.initChain(genesisState([{ address: alice.address, amount: 1_000_000n }]));
  chain.block([]);
  const guard = new RedisGuard(redis, undefined, 1000);
  const cached = await createRestServer(chain.app.base, { rpcAddress: "tcp://127.0.0.1:1", cache: new QueryCache(guard) });
  const limited = await createRestServer(chain.app.base, { rpcAddress: "tcp://127.0.0.1:1", rateLimit: new RateLimiter(guard, { perSecond: 1, burst: 3 }) });
  try {
    const balance = async () => {
      const res = await cached.inject({ method: "GET", url: `/cosmos/bank/v1beta1/balances/${bob.address}/by_denom?denom=uagora` });
      assert.equal(res.statusCode, 200, res.body);
      return [JSON.parse(res.body).balance.amount, res.headers["x-cosmos-block-height"]];
    };
    assert.deepEqual(await balance(), ["0", "1"]);
    assert.deepEqual(await balance(), ["0", "1"]);
    const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "250")], { chainId: chain.chainId, accountNumber: 0n, sequence: 0n, fee: FEE });
    chain.block([tx]);
    assert.deepEqual(await balance(), ["250", "2"], "the next height is read, not the cached answer");
    // KEYS patterns do not get ioredis's key prefix.
    assert.ok((await redis.keys(`${prefix}q:*`)).length >= 2, "answers are in Redis");

    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.inject({ method: "GET", url: "/cosmos/bank/v1beta1/params" })).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const refused = await limited.inject({ method: "GET", url: "/cosmos/bank/v1beta1/params" });
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.headers["retry-after"], "1");
    assert.equal(JSON.parse(refused.body).code, 8);
    assert.match(JSON.parse(refused.body).message, /rate limit exceeded for 127\.0\.0\.1: retry in 1 s/);
  } finally {
    await cached.close();
    await limited.close();
    await chain.destroy();
  }
});

test("REST with Redis down answers every query, uncached and unlimited", async () => {
  const dead = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  dead.on("error", () => {});
  const guard = new RedisGuard(dead, undefined, 100);
  const chain = TestChain.open();
  chain.initChain({});
  chain.block([]);
  const server = await createRestServer(chain.app.base, { rpcAddress: "tcp://127.0.0.1:1", cache: new QueryCache(guard), rateLimit: new RateLimiter(guard, { perSecond: 1, burst: 1 }) });
  try {
    for (let i = 0; i < 3; i++) assert.equal((await server.inject({ method: "GET", url: "/cosmos/bank/v1beta1/params" })).statusCode, 200);
  } finally {
    await server.close();
    await chain.destroy();
    dead.disconnect();
  }
});
