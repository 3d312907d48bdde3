import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../log.js';
import type { RateLimiter } from './rate-limit.js';


export interface SharedLimiterOptions {
  /** redis:// or rediss:// URL of the Redis every instance shares. */
  readonly redisUrl: string;
  readonly perMinute: number;
  /** Counts messages while Redis cannot be reached, so the line keeps answering (and limiting) alone. */
  readonly fallback: RateLimiter;
  readonly logger: Logger;
  /** Told of every Redis failure (a metric). */
  readonly onStoreError?: () => void;
  /** Key prefix, so several lines can share one Redis. */
  readonly keyPrefix?: string;
}

export interface SharedLimiter extends RateLimiter {
  /** Close the Redis connection. */
  close(): Promise<void>;
}

/**
 * The per-sender limit counted in Redis (rate-limiter-flexible: a 60-second window per sender), so every
 * instance shares one count. While Redis is unreachable each message is counted by `fallback` in this
 * process instead: the line never waits on Redis (no offline queue, no retries per command) and never
 * stops answering. The outage is logged once (and its end once), each failure counted by onStoreError.
 */
export function createSharedLimiter(options: SharedLimiterOptions): SharedLimiter {
  const { redisUrl, perMinute, fallback, logger, onStoreError, keyPrefix = 'faq-line:sms' } = options;
  const client = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let down = false;
  client.on('error', () => undefined); // reported once through the limiter below, not per reconnect attempt
  const limiter = new RateLimiterRedis({ storeClient: client, points: perMinute, duration: 60, keyPrefix, rejectIfRedisNotReady: true });

  const failed = (err: unknown): void => {
    onStoreError?.();
    if (down) return;
    down = true;
    logger.error({ err: { message: (err as Error)?.message ?? String(err) } }, 'Redis unreachable: counting the per-sender limit in this process until it is back');
  };

  return {
    async take(sender) {
      try {
        await limiter.consume(sender);
        if (down) {
          down = false;
          logger.info('Redis reachable again: the per-sender limit is shared again');
        }
        return { allowed: true };
      } catch (err) {
        if (err instanceof RateLimiterRes) return { allowed: false, refusedInARow: Math.max(1, err.consumedPoints - perMinute) };
        failed(err);
        return fallback.take(sender);
      }
    },
    get size() {
      return fallback.size;
    },
    async close() {
      client.disconnect();
    },
  };
}
