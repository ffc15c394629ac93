import { FaceKitError } from "@facekit/core/protocol";
import type { FaceKitStore } from "./types.ts";

/** How long a store call may take before it counts as unavailable, unless told otherwise. */
const defaultTimeoutMs = 500;

const unavailable = (reason: string, cause?: unknown) =>
  new FaceKitError("store_unavailable", `${reason} Try again in a moment.`, { cause });

/**
 * `store` whose every call settles within `timeoutMs`: a call that fails, or that has not
 * answered by then (a Redis client that queues commands while it reconnects waits forever),
 * rejects with a `FaceKitError` of code `store_unavailable` (HTTP 503), the original error as
 * `cause`. A `FaceKitError` of the store itself (e.g. a bad TTL) passes unchanged. The message
 * names no host: it may reach the browser.
 * @example
 * const store = withTimeout(myStore, 500);
 * await store.get("a"); // or, when Redis is down, rejects with code "store_unavailable"
 */
export function withTimeout(
  store: FaceKitStore,
  timeoutMs: number = defaultTimeoutMs,
): FaceKitStore {
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) {
    throw new FaceKitError(
      "misconfigured",
      `FaceKit store: timeoutMs must be > 0 (got ${timeoutMs}).`,
    );
  }
  function guard<T>(call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(unavailable(`The shared store did not answer within ${timeoutMs} ms.`)),
        timeoutMs,
      );
      // Promise.resolve().then(call): a client that throws synchronously fails the same way.
      Promise.resolve()
        .then(call)
        .then(resolve, (error: unknown) =>
          reject(
            error instanceof FaceKitError ? error : unavailable("The shared store failed.", error),
          ),
        )
        .finally(() => clearTimeout(timer));
    });
  }
  return {
    get: (key) => guard(() => store.get(key)),
    set: (key, value, ttlMs) => guard(() => store.set(key, value, ttlMs)),
    add: (key, value, ttlMs) => guard(() => store.add(key, value, ttlMs)),
    increment: (key, windowMs) => guard(() => store.increment(key, windowMs)),
    delete: (key) => guard(() => store.delete(key)),
  };
}
