import { FaceKitError } from "../protocol/index.ts";

/**
 * Keeps a {@link FaceKitError} as is; wraps anything else as `internal`, keeping the cause.
 * @example
 * promise.catch((e) => fail(toFaceKitError(e)));
 */
export function toFaceKitError(error: unknown): FaceKitError {
  return error instanceof FaceKitError
    ? error
    : new FaceKitError("internal", error instanceof Error ? error.message : String(error), {
        cause: error,
      });
}

/**
 * True for the rejection of an aborted `fetch`/signal, which must pass through untouched.
 * @example
 * if (isAbortError(e)) throw e;
 */
export function isAbortError(error: unknown): boolean {
  // Not `instanceof Error`: DOMException does not extend Error in every runtime.
  return (error as { name?: unknown } | null)?.name === "AbortError";
}
