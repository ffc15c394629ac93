/**
 * Where `@facekit/server` keeps every piece of state that must hold across requests, instances and
 * restarts: delivered results, throttles, used grants, quotas, webhook ids. Memory by default
 * (`createMemoryStore`); a shared store such as Redis (`@facekit/server/redis`) in production,
 * so that a guarantee holds across all the app's instances.
 *
 * Rules every implementation keeps:
 * - each operation is atomic on its key (no read-then-write race between instances);
 * - every key has a TTL (`ttlMs`, `windowMs`), so nothing grows without bound;
 * - values are strings: callers JSON-encode. FaceKit never writes a secret, a token or a photo.
 *
 * Failures reject; FaceKit's own stores reject with a `FaceKitError` of code `store_unavailable`
 * (HTTP 503) when the backend fails or does not answer within a short timeout.
 * @example
 * // A single-use grant: only the first caller gets true.
 * const first = await store.add(`didit:grant:${grantId}`, "1", grantTtlMs);
 * if (!first) throw new FaceKitError("session_invalid", "This upload grant was already used.");
 */
export interface FaceKitStore {
  /**
   * The value of `key`, or `undefined` when it is missing or expired.
   * @example
   * const cached = await store.get(`verisoul:result:${sessionId}`);
   * const result = cached === undefined ? undefined : JSON.parse(cached);
   */
  get(key: string): Promise<string | undefined>;
  /**
   * Writes `value` under `key` for `ttlMs` milliseconds, replacing any value and TTL it had.
   * @example
   * await store.set(`verisoul:delivered:${sessionId}`, "1", tokenTtlMs);
   */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Writes `value` under `key` for `ttlMs` milliseconds only when `key` is absent (or expired).
   * True when this call wrote it: of any number of concurrent callers, exactly one gets true.
   * @example
   * // A lease: one instance runs onResult; it deletes the lease if onResult throws.
   * if (await store.add(`verisoul:lease:${sessionId}`, "1", 30_000)) {
   *   try { await onResult(event) } catch (e) { await store.delete(`verisoul:lease:${sessionId}`); throw e }
   *   await store.set(`verisoul:delivered:${sessionId}`, "1", tokenTtlMs);
   * }
   */
  add(key: string, value: string, ttlMs: number): Promise<boolean>;
  /**
   * Adds one to the counter `key` in a fixed window: the increment that creates the counter starts
   * its `windowMs` TTL (later ones do not extend it); once it expires the next one counts 1 again.
   * @example
   * const { count, resetInMs } = await store.increment(`quota:${accountId}`, 60_000);
   * if (count > 5) throw new FaceKitError("rate_limited", "Too many attempts.", { retryAfter: Math.ceil(resetInMs / 1000) });
   */
  increment(key: string, windowMs: number): Promise<StoreCount>;
  /**
   * Removes `key`; true when it was there.
   * @example
   * await store.delete(`verisoul:lease:${sessionId}`);
   */
  delete(key: string): Promise<boolean>;
}

/**
 * What {@link FaceKitStore.increment} answers.
 * @example
 * const { count, resetInMs }: StoreCount = await store.increment("throttle:a", 2_000);
 */
export interface StoreCount {
  /** The counter after this increment: 1 for the first one of a window. */
  count: number;
  /** Milliseconds until the window ends and the counter starts again from 1 (> 0). */
  resetInMs: number;
}
