/** Outcome of one {@link RateLimiter.take}. */
type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A sliding-window request counter per key (e.g. per API key). */
export interface RateLimiter {
  /** Counts one request for `key`, unless the key is over its limit (rejected calls do not count). */
  take(key: string): RateLimitDecision;
  /** Forgets every key. */
  reset(): void;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests allowed per key inside one window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** Clock in milliseconds. */
  now: () => number;
}

/**
 * Sliding-window log limiter: a request is allowed when fewer than `limit` accepted requests of
 * the same key happened in the last `windowMs`.
 * @example
 * const limiter = createRateLimiter({ limit: 300, windowMs: 60_000, now: Date.now });
 * if (!limiter.take(apiKey).ok) return flatError(429, "Too Many Requests");
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const log = new Map<string, number[]>();
  return {
    take(key) {
      const now = options.now();
      const since = now - options.windowMs;
      const times = (log.get(key) ?? []).filter((t) => t > since);
      log.set(key, times);
      const oldest = times[0];
      if (times.length >= options.limit && oldest !== undefined) {
        const waitMs = oldest + options.windowMs - now;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      times.push(now);
      return { ok: true };
    },
    reset() {
      log.clear();
    },
  };
}
