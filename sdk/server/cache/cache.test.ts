import assert from "node:assert/strict";
import { test } from "node:test";
import { Redis } from "ioredis";
import { createTestRedis } from "../../../test/support/redis.js";
import { QueryCache } from "./query-cache.js";
import { RateLimiter } from "./rate-limit.js";
import { RedisGuard } from "./redis-guard.js";

const value = (s: string) => Buffer.from(s);

test("query answers are cached per height, path and request; failures are not cached", async () => {
  const { redis } = await createTestRedis();
  const cache = new QueryCache(new RedisGuard(redis, undefined, 1000));
  let reads = 0;
  const read = (answer: string, ok = true) => () => (reads++, { ok, value: value(answer) });
  const path = "/cosmos.bank.v1beta1.Query/Balance";
  assert.equal(String(await cache.answer(path, value("alice"), 5n, true, read("100"))), "100");
  assert.equal(String(await cache.answer(path, value("alice"), 5n, true, read("changed"))), "100", "cached at height 5");
  assert.equal(reads, 1);
  assert.equal(String(await cache.answer(path, value("alice"), 6n, true, read("90"))), "90", "a new height reads again");
  assert.equal(String(await cache.answer(path, value("bob"), 6n, true, read("7"))), "7", "another request");
  assert.equal(String(await cache.answer("/cosmos.bank.v1beta1.Query/AllBalances", value("alice"), 6n, true, read("all"))), "all", "another path");
  assert.equal(reads, 4);
  await cache.answer(path, value("carol"), 6n, true, read("error", false));
  await cache.answer(path, value("carol"), 6n, true, read("error", false));
  assert.equal(reads, 6, "failed answers are read each time");
});

test("rate limits: a burst, then refusals with a retry time, then tokens come back", async () => {
  const { redis } = await createTestRedis();
  const limiter = new RateLimiter(new RedisGuard(redis, undefined, 1000), { perSecond: 20, burst: 3 });
  const decisions = [];
  for (let i = 0; i < 4; i++) decisions.push(await limiter.take("10.0.0.1"));
  assert.deepEqual(decisions.map((d) => d.allowed), [true, true, true, false]);
  assert.equal(decisions[3]!.retryAfterSeconds, 1);
  assert.equal((await limiter.take("10.0.0.2")).allowed, true, "clients have buckets of their own");
  await new Promise((r) => setTimeout(r, 200));
  assert.equal((await limiter.take("10.0.0.1")).allowed, true, "refilled at 20 per second");
  assert.throws(() => new RateLimiter(new RedisGuard(redis), { perSecond: 0, burst: 1 }), /positive rate/);
});

test("with Redis down, queries answer uncached and nobody is limited", async () => {
  const dead = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  dead.on("error", () => {});
  const guard = new RedisGuard(dead, undefined, 100);
  const cache = new QueryCache(guard);
  let reads = 0;
  for (let i = 0; i < 3; i++) assert.equal(String(await cache.answer("/p", value("k"), 1n, true, () => (reads++, { ok: true, value: value("v") }))), "v");
  assert.equal(reads, 3);
  const limiter = new RateLimiter(guard, { perSecond: 1, burst: 1 });
  for (let i = 0; i < 3; i++) assert.equal((await limiter.take("c")).allowed, true);
  dead.disconnect();
});
