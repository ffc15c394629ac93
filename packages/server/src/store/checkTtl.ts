import { FaceKitError } from "@facekit/core/protocol";

/**
 * A store's TTL or window as whole milliseconds (rounded up, at least 1). Every key gets a TTL, so
 * a missing, zero, negative or non-finite one is a bug of the caller: it throws `internal` rather
 * than write a key that never expires.
 * @example
 * checkTtl(1500.2); // 1501
 * checkTtl(0); // throws FaceKitError("internal")
 */
export function checkTtl(ms: number): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms <= 0) {
    throw new FaceKitError(
      "internal",
      `FaceKit store: a TTL must be a positive number of milliseconds (got ${String(ms)}).`,
    );
  }
  return Math.ceil(ms);
}
