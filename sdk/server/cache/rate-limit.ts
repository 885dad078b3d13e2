/**
 * Token-bucket rate limits per client, shared by gRPC and REST through Redis (so several
 * processes serving one node share the budget). Each client has `burst` tokens, refilled at
 * `perSecond`; a request takes one. The bucket lives in Redis as one hash, updated atomically by
 * a script with Redis's own clock. With Redis down every request is allowed.
 */
import type { RedisGuard } from "./redis-guard.js";

export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: seconds until a token is back. */
  retryAfterSeconds: number;
}

// KEYS[1] bucket; ARGV: rate per second, burst. Returns {allowed (0/1), ms until next token}.
const TAKE_TOKEN = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or ms
tokens = math.min(burst, tokens + (ms - at) * rate / 1000)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', ms)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {allowed, wait}
`;

export class RateLimiter {
  constructor(
    private readonly guard: RedisGuard,
    private readonly options: RateLimitOptions,
  ) {
    if (!(options.perSecond > 0) || !(options.burst >= 1)) throw new Error(`rate limit needs a positive rate and a burst of at least 1, not ${JSON.stringify(options)}`);
  }

  async take(client: string): Promise<RateDecision> {
    const result = (await this.guard.run((redis) => redis.eval(TAKE_TOKEN, 1, `rl:${client}`, this.options.perSecond, this.options.burst))) as [number, number] | undefined;
    if (!result) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: result[0] === 1, retryAfterSeconds: Math.ceil(result[1] / 1000) };
  }
}
