/** The indexer's connection to PostgreSQL: a bounded pool, a statement timeout, a reachability check. */
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { CliError } from "../cli.js";
import type { IndexerDatabase } from "./schema.js";

export interface DatabaseOptions {
  /** Connections the pool may hold open at once. */
  poolSize?: number;
  /** Milliseconds after which PostgreSQL cancels a statement. */
  statementTimeoutMs?: number;
  /** Milliseconds to wait for a connection before giving up. */
  connectTimeoutMs?: number;
}

export const DEFAULT_POOL_SIZE = 4;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

export function openIndexerDatabase(url: string, options: DatabaseOptions = {}): Kysely<IndexerDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  // A connection PostgreSQL drops (a restart, a crash, an administrator) emits 'error', on the
  // pool while idle and on the client itself while in use; unheard, either ends the process. The
  // query in flight is rejected anyway (the indexer retries it) and the pool discards the dead
  // connection, so there is nothing more to do here.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return new Kysely<IndexerDatabase>({ dialect: new PostgresDialect({ pool }) });
}

/** Throws a one-line CliError naming the server when it does not answer `SELECT 1`. */
export async function checkReachable(db: Kysely<IndexerDatabase>, url: string): Promise<void> {
  try {
    await sql`SELECT 1`.execute(db);
  } catch (err) {
    throw new CliError(`cannot reach PostgreSQL at ${withoutPassword(url)}: ${reason(err)}`);
  }
}

/** The URL as it may be printed: the password replaced by "***". */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparsable URL)";
  }
}

/** Node reports a refused connection to a name with several addresses as an AggregateError with no message. */
function reason(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return reason(err.errors[0]);
  if (err instanceof Error) return err.message || (err as NodeJS.ErrnoException).code || err.name;
  return String(err);
}
