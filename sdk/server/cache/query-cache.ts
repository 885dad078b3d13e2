/**
 * A Redis cache of query answers for gRPC and REST. An answer is keyed by the height it was read
 * at, the query path and a hash of its request: a new block moves the latest height on, so the
 * next read of the latest state misses and nothing stale is served; an answer at a past height
 * never changes and is kept longer. Only successful answers are cached.
 */
import { createHash } from "node:crypto";
import type { RedisGuard } from "./redis-guard.js";

export interface QueryCacheOptions {
  /** Seconds an answer at the latest height is kept (it is replaced by the next height's anyway). */
  latestTtlSeconds?: number;
  /** Seconds an answer at an explicit past height is kept. */
  pastTtlSeconds?: number;
}

export class QueryCache {
  constructor(
    private readonly guard: RedisGuard,
    private readonly options: QueryCacheOptions = {},
  ) {}

  /**
   * The cached answer of `path` with `data` at `height`, or `read()`'s, stored when it succeeds
   * (`ok`). `latest` says whether `height` is the latest (resolved) height.
   */
  async answer(path: string, data: Uint8Array, height: bigint, latest: boolean, read: () => { ok: boolean; value: Uint8Array }): Promise<Uint8Array> {
    const key = `q:${height}:${path}:${createHash("sha256").update(data).digest("hex")}`;
    const cached = await this.guard.run((redis) => redis.getBuffer(key));
    if (cached) return cached;
    const { ok, value } = read();
    if (ok) {
      const ttl = latest ? (this.options.latestTtlSeconds ?? 30) : (this.options.pastTtlSeconds ?? 3600);
      await this.guard.run((redis) => redis.set(key, Buffer.from(value), "EX", ttl));
    }
    return value;
  }
}

/** A query answer as gRPC and REST use it (the fields of ABCI's ResponseQuery they read). */
export interface QueryAnswer {
  code: number;
  codespace: string;
  log: string;
  value: Uint8Array;
  height: bigint;
}

export type QueryFn = (req: { path: string; data: Uint8Array; height: bigint }) => Promise<QueryAnswer>;

export interface QueryableApp {
  query(req: { path: string; data: Uint8Array; height: bigint; prove: boolean }): QueryAnswer;
  store: { lastCommitId(): { version: bigint } };
}

/** The app's queries, through the cache when there is one (height 0: the latest). */
export function queryThrough(app: QueryableApp, cache?: QueryCache): QueryFn {
  return async ({ path, data, height }) => {
    const latest = app.store.lastCommitId().version;
    const at = height === 0n ? latest : height;
    if (!cache || at > latest) return app.query({ path, data, height, prove: false });
    let failure: QueryAnswer | undefined;
    const value = await cache.answer(path, data, at, at === latest, () => {
      const answer = app.query({ path, data, height: at, prove: false });
      if (answer.code !== 0) failure = answer;
      return { ok: answer.code === 0, value: answer.value };
    });
    return failure ?? { code: 0, codespace: "", log: "", value, height: at };
  };
}
