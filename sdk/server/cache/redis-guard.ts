/**
 * Redis is optional for serving: with it down, queries answer uncached and nobody is rate
 * limited, and the node is unaffected. A call through the guard gives up after a short timeout
 * and reports Redis's state changes once each, not once per request.
 */
import type { Redis } from "ioredis";
import type { Logger } from "pino";

export class RedisGuard {
  private up = true;

  constructor(
    readonly redis: Redis,
    private readonly logger?: Logger,
    private readonly timeoutMs = 50,
  ) {}

  /** The command's result, or undefined when Redis does not answer in time. */
  async run<T>(command: (redis: Redis) => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${this.timeoutMs} ms`)), this.timeoutMs);
      });
      const result = await Promise.race([command(this.redis), timeout]);
      if (!this.up) this.logger?.info("Redis answers again: caching and rate limits are back");
      this.up = true;
      return result;
    } catch (err) {
      if (this.up) this.logger?.warn({ err: (err as Error).message }, "Redis is unavailable: serving uncached, without rate limits");
      this.up = false;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
