/**
 * What `agorad start` serves beyond queries: the block stream for indexers (app.toml
 * `[streaming] blocks`), and, with `[redis] url` set, a query cache and per-client rate limits
 * (`[rate-limit]`) shared by gRPC and REST. Redis is optional: down, the node serves uncached.
 */
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { QueryCache } from "../../../sdk/server/cache/query-cache.js";
import { RateLimiter } from "../../../sdk/server/cache/rate-limit.js";
import { RedisGuard } from "../../../sdk/server/cache/redis-guard.js";
import { CliError } from "../cli.js";

/** The sections init writes into app.toml. */
export const SERVING_APP_TOML = [
  "[streaming]",
  "# Keep each block's record (txs, results, events, store changes) for the block stream",
  "# (agora.stream.v1.Stream/SubscribeBlocks on gRPC) that `agorad indexer` consumes.",
  "blocks = false",
  "",
  "[redis]",
  '# Redis for a query cache and rate limits on gRPC and REST, e.g. "redis://127.0.0.1:6379"; empty: none.',
  'url = ""',
  "",
  "[rate-limit]",
  "# Requests per second each client may make on gRPC and REST (0: no limit; needs [redis] url).",
  "per-second = 0",
  "burst = 50",
  "",
];

export interface Serving {
  streamBlocks: boolean;
  cache?: QueryCache;
  rateLimit?: RateLimiter;
  close(): Promise<void>;
}

export function servingSettings(config: Record<string, string>, logger: Logger): Serving {
  const streamBlocks = flag(config, "streaming.blocks", false);
  const url = config["redis.url"] ?? "";
  const perSecond = number(config, "rate-limit.per-second", 0);
  const burst = number(config, "rate-limit.burst", 50);
  if (url === "") {
    if (perSecond > 0) throw new CliError("app.toml [rate-limit] per-second needs [redis] url: the limits live in Redis");
    return { streamBlocks, close: async () => {} };
  }
  // Commands fail at once while Redis is down (no offline queue); it reconnects in the background.
  const redis = new Redis(url, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  redis.on("error", () => {});
  const guard = new RedisGuard(redis, logger);
  return {
    streamBlocks,
    cache: new QueryCache(guard),
    ...(perSecond > 0 ? { rateLimit: new RateLimiter(guard, { perSecond, burst }) } : {}),
    close: async () => redis.disconnect(),
  };
}

function flag(config: Record<string, string>, key: string, fallback: boolean): boolean {
  const value = config[key];
  if (value === undefined) return fallback;
  if (value !== "true" && value !== "false") throw new CliError(`app.toml ${key} must be true or false, got "${value}"`);
  return value === "true";
}

function number(config: Record<string, string>, key: string, fallback: number): number {
  const value = config[key];
  if (value === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new CliError(`app.toml ${key} must be a number, got "${value}"`);
  return Number(value);
}
