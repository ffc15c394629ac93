import type { FaceKitStore } from "./types.ts";

/** The prefix of every key FaceKit writes, unless the store is given another one. */
const defaultPrefix = "facekit:";

/**
 * `store` with `prefix` put in front of every key, so FaceKit's keys stay apart from the app's own
 * and two apps (or environments) can share one Redis without seeing each other's keys.
 * @example
 * const staging = withPrefix(store, "facekit:staging:");
 * await staging.set("a", "1", 1000); // writes "facekit:staging:a"
 */
export function withPrefix(store: FaceKitStore, prefix: string = defaultPrefix): FaceKitStore {
  if (typeof prefix !== "string") throw new TypeError("FaceKit store: prefix must be a string.");
  if (prefix === "") return store;
  return {
    get: (key) => store.get(prefix + key),
    set: (key, value, ttlMs) => store.set(prefix + key, value, ttlMs),
    add: (key, value, ttlMs) => store.add(prefix + key, value, ttlMs),
    increment: (key, windowMs) => store.increment(prefix + key, windowMs),
    delete: (key) => store.delete(prefix + key),
  };
}
