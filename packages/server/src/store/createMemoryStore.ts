import { FaceKitError } from "@facekit/core/protocol";
import { checkTtl } from "./checkTtl.ts";
import type { FaceKitStore } from "./types.ts";

/**
 * Settings of {@link createMemoryStore}.
 * @example
 * const options: MemoryStoreOptions = { maxEntries: 50_000 };
 */
export interface MemoryStoreOptions {
  /**
   * Keys kept at most (default 10,000). Past it, expired keys go first, then the oldest (by their
   * last `set`/`add`, or a counter's first increment): a forgotten key is a guarantee lost (a used grant could be used again), so size it
   * above what the TTLs let pile up, or use a shared store.
   */
  maxEntries?: number;
  /** Clock, in epoch milliseconds; default `Date.now`. */
  now?: () => number;
}

const notACounter = (key: string) =>
  new FaceKitError("internal", `FaceKit store: ${key} holds a value, not a counter.`);

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * FaceKit's default {@link FaceKitStore}: a `Map` in this process. Atomic by construction (one
 * thread), but nothing is shared between instances or survives a restart: with more than one
 * instance, pass a shared store (`createRedisStore` from `@facekit/server/redis`). Expired keys are
 * dropped when read, and swept when the store is full.
 * @example
 * import { createMemoryStore } from "@facekit/server";
 * const store = createMemoryStore({ maxEntries: 50_000 });
 * await store.add("didit:grant:abc", "1", 60_000); // true, then false until it expires
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): FaceKitStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? (() => Date.now()); // read at each call: fake clocks of tests apply
  const entries = new Map<string, Entry>();
  /** No key expires before this instant, so a sweep before it would find nothing. */
  let soonestExpiry = Number.POSITIVE_INFINITY;

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function write(key: string, value: string, ttlMs: number): Entry {
    const entry = { value, expiresAt: now() + ttlMs };
    entries.delete(key); // re-inserted last: the Map's order is the order of writes
    entries.set(key, entry);
    soonestExpiry = Math.min(soonestExpiry, entry.expiresAt);
    if (entries.size > maxEntries) makeRoom();
    return entry;
  }

  function makeRoom(): void {
    const time = now();
    if (time >= soonestExpiry) {
      soonestExpiry = Number.POSITIVE_INFINITY;
      for (const [key, entry] of entries) {
        if (entry.expiresAt <= time) entries.delete(key);
        else soonestExpiry = Math.min(soonestExpiry, entry.expiresAt);
      }
    }
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
  }

  return {
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      write(key, value, checkTtl(ttlMs));
    },
    async add(key, value, ttlMs) {
      const ttl = checkTtl(ttlMs);
      if (live(key)) return false;
      write(key, value, ttl);
      return true;
    },
    async increment(key, windowMs) {
      const ttl = checkTtl(windowMs);
      const entry = live(key);
      if (!entry) {
        write(key, "1", ttl);
        return { count: 1, resetInMs: ttl };
      }
      // Keeps its place and its expiry: the window is fixed by the first increment.
      const count = Number(entry.value) + 1;
      if (!Number.isSafeInteger(count)) throw notACounter(key);
      entry.value = String(count);
      return { count, resetInMs: entry.expiresAt - now() };
    },
    async delete(key) {
      const had = live(key) !== undefined;
      entries.delete(key);
      return had;
    },
  };
}
