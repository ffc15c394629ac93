import type { FaceKitStore } from "../store/types.ts";

/** Waits `ms` (Web-standard: no `node:` import in the handler). */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The result route's memory, in the handler's {@link FaceKitStore} (shared by every instance that
 * shares the store). Every Verisoul call is billed and the whole project shares 300 calls per
 * minute, while the browser polls the result route and the popup's callback asks at the same time:
 * - a completed answer is kept per session and variant until the session token expires
 *   (`verisoul:result:<variant>:<session>`; the caller decides what the value holds: no photos);
 * - while a session is pending, at most one lookup per `pendingLookupIntervalMs` reaches the
 *   vendor, across instances (`add` of `verisoul:pending:<session>`; only the winner asks); other
 *   calls in between get "pending" straight away; a lookup that fails or completes frees the slot;
 * - `deliver` (the developer's `onResult`) runs once per session before the first completed
 *   answer goes out, under a lease (`add` of `verisoul:lease:<session>`, 30 s), then a delivered
 *   mark (`verisoul:delivered:<session>`, until the token expires), and the lease is deleted.
 *   If it throws, the lease is deleted and the answer fails: the next call, on any instance,
 *   delivers again. While another call holds the lease, this one re-checks the mark for up to
 *   about 1 s, then answers "pending".
 * Identical concurrent calls in one process share one run: an optimisation, no guarantee.
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
  /** Runs once per session (across instances), before the first completed answer is returned. */
  deliver: (value: T) => void | Promise<void>;
}

/** Settings of {@link createResultCache}. */
export interface ResultCacheOptions {
  /** Where results, marks, leases and throttles live. Values are `JSON.stringify(value)`. */
  store: FaceKitStore;
  /** Least time between two vendor lookups of a pending session, in ms (0 = no throttling). */
  pendingLookupIntervalMs: number;
  /** How long one delivery may hold the session before another instance may try (default 30 s). */
  leaseMs?: number;
  /** Re-checks of the delivered mark while another call holds the lease (default 10, 100 ms apart). */
  leaseChecks?: number;
  /** Clock; default `Date.now`. */
  now?: () => number;
}

/** Milliseconds between two checks of the delivered mark while another call delivers. */
const leaseCheckIntervalMs = 100;

/**
 * @example
 * const results = createResultCache<Answer>({ store, pendingLookupIntervalMs: 2000 });
 * const answer = await results({ session, variant, expiresAt, lookup, deliver });
 */
export function createResultCache<T>(
  options: ResultCacheOptions,
): (request: ResultCacheRequest<T>) => Promise<CacheLookup<T>> {
  const { store, pendingLookupIntervalMs } = options;
  const now = options.now ?? (() => Date.now());
  const leaseMs = options.leaseMs ?? 30_000;
  const leaseChecks = options.leaseChecks ?? 10;
  const inflight = new Map<string, Promise<CacheLookup<T>>>();

  /** True once the session is delivered (here or elsewhere); false while another call holds it. */
  async function deliverOnce(request: ResultCacheRequest<T>, value: T): Promise<boolean> {
    const delivered = `verisoul:delivered:${request.session}`;
    const lease = `verisoul:lease:${request.session}`;
    for (let check = 0; ; check++) {
      if ((await store.get(delivered)) !== undefined) return true;
      if (await store.add(lease, "1", leaseMs)) break;
      if (check >= leaseChecks) return false;
      await sleep(leaseCheckIntervalMs);
    }
    // A lease that expired after a delivery is won again: the mark says it is done.
    if ((await store.get(delivered)) !== undefined) return true;
    try {
      await request.deliver(value);
    } catch (error) {
      await store.delete(lease).catch(() => {}); // if even this fails, the lease expires
      throw error;
    }
    await store.set(delivered, "1", Math.max(1, request.expiresAt - now()));
    await store.delete(lease);
    return true;
  }

  async function run(request: ResultCacheRequest<T>): Promise<CacheLookup<T>> {
    const resultKey = `verisoul:result:${request.variant}:${request.session}`;
    const stored = await store.get(resultKey);
    let value: T;
    if (stored !== undefined) {
      value = JSON.parse(stored) as T;
    } else {
      const throttle = `verisoul:pending:${request.session}`;
      if (
        pendingLookupIntervalMs > 0 &&
        !(await store.add(throttle, "1", pendingLookupIntervalMs))
      ) {
        return { status: "pending" };
      }
      let answer: CacheLookup<T>;
      try {
        answer = await request.lookup();
      } catch (error) {
        if (pendingLookupIntervalMs > 0) await store.delete(throttle).catch(() => {});
        throw error;
      }
      if (answer.status === "pending") return answer;
      value = answer.value;
      await store.set(resultKey, JSON.stringify(value), Math.max(1, request.expiresAt - now()));
      // Only a pending answer holds other lookups back (another variant may ask at once).
      if (pendingLookupIntervalMs > 0) await store.delete(throttle);
    }
    return (await deliverOnce(request, value))
      ? { status: "completed", value }
      : { status: "pending" };
  }

  return (request) => {
    const key = JSON.stringify([request.session, request.variant]);
    const running = inflight.get(key);
    if (running) return running;
    const promise = run(request).finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  };
}
