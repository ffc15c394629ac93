import type { Json } from "../createBackendPost.ts";
import { FaceKitError, isFaceKitErrorCode } from "../protocol/index.ts";

// Typed locally (see ./dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * The {@link FaceKitError} of a failed answer from the developer's backend: its error body's code
 * (`internal` when unknown), message, `retryAfter` and `vendorCode`, with the HTTP status. A body
 * that is not FaceKit's (a proxy error page) still gives a typed error naming the URL.
 * @example
 * if (!res.ok) throw toBackendError(url, res.status, await res.json().catch(() => undefined));
 */
export function toBackendError(url: string, status: number, data: Json): FaceKitError {
  const { code, message, retryAfter, vendorCode } = (data?.error ?? {}) as Record<string, unknown>;
  return new FaceKitError(
    isFaceKitErrorCode(code) ? code : "internal",
    typeof message === "string"
      ? message
      : typeof process === "object" && process.env.NODE_ENV !== "production"
        ? `${url} answered ${status}`
        : undefined,
    {
      status,
      retryAfter: typeof retryAfter === "number" ? retryAfter : undefined,
      vendorCode: typeof vendorCode === "string" ? vendorCode : undefined,
    },
  );
}
