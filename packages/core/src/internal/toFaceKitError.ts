import { FaceKitError, redirectErrorCode } from "../protocol/index.ts";

// Typed locally (see ./dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

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

/**
 * The error of a callback that reported `success=false`, keeping the vendor's reason.
 * @example
 * fail(redirectError("failed_to_get_camera_permission")); // code "camera_denied"
 */
export function redirectError(errorMessage: string | undefined): FaceKitError {
  const message =
    typeof process === "object" && process.env.NODE_ENV !== "production"
      ? `Verification ended: ${errorMessage ?? "no reason given"}`
      : undefined;
  return new FaceKitError(redirectErrorCode(errorMessage), message, { vendorCode: errorMessage });
}
