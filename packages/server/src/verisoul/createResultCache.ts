/**
 * The result route's memory, one per server instance (nothing is shared between instances or
 * survives a restart). Every Verisoul call is billed and the whole project shares 300 calls per
 * minute, while the browser polls the result route and the popup's callback asks at the same time:
 * - identical concurrent lookups share one run (one vendor exchange);
 * - a completed answer is kept per session and variant until the session token expires;
 * - while a session is pending, at most one lookup per `pendingLookupIntervalMs` reaches the
 *   vendor; other calls in between get "pending" straight away;
 * - `deliver` (the developer's `onResult`) runs once per session before the first completed
 *   answer goes out; if it throws, that answer fails and the next call delivers again.
 * Bounded: the least recently used sessions are forgotten past `maxEntries`.
 */

/** What a lookup found: still pending, or a completed value. */
export type CacheLookup<T> = { status: "pending" } | { status: "completed"; value: T };

/** One question to the cache. */
export interface ResultCacheRequest<T> {
  /** Identifies the session (e.g. session id + account id); pending throttling is per session. */
  session: string;
  /** What was asked of the session (e.g. enabled features); completed values are kept per variant. */
  variant: string;
  /** Epoch ms after which nothing about this session is worth keeping (the token's expiry). */
  expiresAt: number;
  /** Asks the vendor. Failures are passed on and never kept. */
  lookup: () => Promise<CacheLookup<T>>;
  /** Runs once per session, before the first completed answer is returned. */
  deliver: (value: T) => void | Promise<void>;
}

/** Settings of {@link createResultCache}. */
export interface ResultCacheOptions {
  /** Sessions kept at most; the least recently used one is dropped first. */
  maxEntries: number;
  /** Least time between two vendor lookups of a pending session, in ms (0 = no throttling). */
  pendingLookupIntervalMs: number;
  /** Clock; default `Date.now`. */
  now?: () => number;
}

interface Entry<T> {
  expiresAt: number;
  completed: Map<string, T>;
  inflight: Map<string, Promise<CacheLookup<T>>>;
  /** Start of the last lookup that answered pending. */
  pendingAt: number | undefined;
  delivered: boolean;
  delivering: Promise<void> | undefined;
}

/**
 * @example
 * const results = createResultCache<Answer>({ maxEntries: 1000, pendingLookupIntervalMs: 2000 });
 * const answer = await results({ session, variant, expiresAt, lookup, deliver });
 */
export function createResultCache<T>(
  options: ResultCacheOptions,
): (request: ResultCacheRequest<T>) => Promise<CacheLookup<T>> {
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, Entry<T>>();

  function entryFor(key: string, expiresAt: number): Entry<T> {
    const found = entries.get(key);
    entries.delete(key);
    if (found && found.expiresAt > now()) {
      entries.set(key, found); // most recently used last
      return found;
    }
    const entry: Entry<T> = {
      expiresAt,
      completed: new Map(),
      inflight: new Map(),
      pendingAt: undefined,
      delivered: false,
      delivering: undefined,
    };
    entries.set(key, entry);
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries) break;
      entries.delete(oldest);
    }
    return entry;
  }

  /** One delivery at a time per session; a failed one leaves the session undelivered. */
  function deliverOnce(entry: Entry<T>, value: T, deliver: (value: T) => unknown): Promise<void> {
    if (entry.delivered) return Promise.resolve();
    if (!entry.delivering) {
      // Always asynchronous, so `finally` runs after the assignment even if `deliver` throws.
      const attempt: Promise<void> = Promise.resolve()
        .then(() => deliver(value))
        .then(() => {
          entry.delivered = true;
        })
        .finally(() => {
          if (entry.delivering === attempt) entry.delivering = undefined;
        });
      entry.delivering = attempt;
    }
    return entry.delivering;
  }

  async function run(entry: Entry<T>, request: ResultCacheRequest<T>): Promise<CacheLookup<T>> {
    let value = entry.completed.get(request.variant);
    if (value === undefined) {
      const startedAt = now();
      const answer = await request.lookup();
      if (answer.status === "pending") {
        entry.pendingAt = startedAt;
        return answer;
      }
      value = answer.value;
      entry.completed.set(request.variant, value);
    }
    await deliverOnce(entry, value, request.deliver);
    return { status: "completed", value };
  }

  return (request) => {
    const entry = entryFor(request.session, request.expiresAt);
    const done = entry.completed.get(request.variant);
    if (done !== undefined && entry.delivered) {
      return Promise.resolve({ status: "completed", value: done });
    }
    const running = entry.inflight.get(request.variant);
    if (running) return running;
    if (
      done === undefined &&
      entry.pendingAt !== undefined &&
      now() - entry.pendingAt < options.pendingLookupIntervalMs
    ) {
      return Promise.resolve({ status: "pending" });
    }
    const promise = run(entry, request).finally(() => entry.inflight.delete(request.variant));
    entry.inflight.set(request.variant, promise);
    return promise;
  };
}
