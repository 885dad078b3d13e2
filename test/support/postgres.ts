/**
 * A fresh PostgreSQL database for one test file, dropped after its tests. The server is the one
 * `scripts/services.sh start` runs (`make test` starts it); AGORA_TEST_PG points elsewhere.
 */
import { randomBytes } from "node:crypto";
import { after } from "node:test";
import pg from "pg";

export const TEST_PG = process.env.AGORA_TEST_PG ?? "postgres://agora_test:agora_test@127.0.0.1:5432/postgres";

export interface TestDatabase {
  /** The new database's URL. */
  url: string;
  name: string;
  /** Registers a pool to be closed before the database is dropped (a dropped database kills its connections). */
  closeBeforeDrop<T extends { destroy(): Promise<void> }>(pool: T): T;
}

/** Creates `agora_test_<random>`; it is dropped (with any open connections) after the file's tests. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `agora_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const pools: { destroy(): Promise<void> }[] = [];
  after(async () => {
    for (const pool of pools) await pool.destroy();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    closeBeforeDrop(pool) {
      pools.push(pool);
      return pool;
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at AGORA_TEST_PG=${TEST_PG} (${describe(err)}); start it with \`scripts/services.sh start\` or \`make services\``,
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function describe(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return describe(err.errors[0]);
  return err instanceof Error ? err.message || String((err as NodeJS.ErrnoException).code) : String(err);
}
