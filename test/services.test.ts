/** The Redis that `scripts/services.sh start` runs answers, and a test's keys stay under its prefix. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestRedis } from "./support/redis.js";

test("a value written to the test Redis is read back under the run's own prefix", async () => {
  const { redis, prefix } = await createTestRedis();
  await redis.set("greeting", "hello", "EX", 60);
  assert.equal(await redis.get("greeting"), "hello");
  // SCAN's pattern is not prefixed; other test files' keys may share the server.
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    keys.push(...found);
    cursor = next;
  } while (cursor !== "0");
  assert.deepEqual(keys, [`${prefix}greeting`]);
});
