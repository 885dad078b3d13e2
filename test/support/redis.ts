/**
 * A Redis connection for one test file whose keys all start with a prefix of its own; those keys
 * are deleted and the connection closed after the file's tests. The server is the one
 * `scripts/services.sh start` runs; AGORA_TEST_REDIS points elsewhere.
 */
import { randomBytes } from "node:crypto";
import { after } from "node:test";
import { Redis } from "ioredis";

export const TEST_REDIS = process.env.AGORA_TEST_REDIS ?? "redis://127.0.0.1:6379";

export interface TestRedis {
  /** Every command's keys get `prefix` prepended. */
  redis: Redis;
  prefix: string;
}

export async function createTestRedis(): Promise<TestRedis> {
  const prefix = `agora_test_${randomBytes(6).toString("hex")}:`;
  // Fail fast instead of ioredis's default of retrying forever.
  const options = { lazyConnect: true, connectTimeout: 5_000, maxRetriesPerRequest: 0, retryStrategy: () => null };
  const redis = new Redis(TEST_REDIS, { ...options, keyPrefix: prefix });
  // connect() only says "Connection is closed."; the error event says why.
  let cause: Error | undefined;
  redis.on("error", (err: Error) => (cause ??= err));
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new Error(
      `Redis is not reachable at AGORA_TEST_REDIS=${TEST_REDIS} (${(cause ?? (err as Error)).message}); start it with \`scripts/services.sh start\` or \`make services\``,
    );
  }
  after(async () => {
    await deleteKeysUnder(redis, prefix);
    await redis.quit();
  });
  return { redis, prefix };
}

/** SCAN's pattern is not prefixed by ioredis, and the keys it returns carry the prefix. */
async function deleteKeysUnder(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    // DEL would prefix again: strip ours first.
    if (keys.length > 0) await redis.del(...keys.map((k) => k.slice(prefix.length)));
  } while (cursor !== "0");
}
