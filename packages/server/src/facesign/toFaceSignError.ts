import { FaceKitError } from "@facekit/core/protocol";
import { parseRetryAfter } from "../internal/parseRetryAfter.ts";

/** `{error: {type, message, code?}}` of a FaceSign error body, when the body has that shape. */
function vendorErrorOf(body: unknown): { type?: string; message?: string; code?: string } {
  if (typeof body !== "object" || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return {};
  const pick = (value: unknown) =>
    typeof value === "string" && value.length > 0 ? value.slice(0, 500) : undefined;
  const e = error as Record<string, unknown>;
  return { type: pick(e.type), message: pick(e.message), code: pick(e.code) };
}

/**
 * Seconds until FaceSign's rate-limit window resets: `X-RateLimit-Reset` (unix seconds, or ms
 * when it is that large) minus now, else `Retry-After`.
 * @example
 * faceSignRetryAfter(headers) // 42
 */
export function faceSignRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const reset = headers.get("x-ratelimit-reset");
  if (reset !== null && /^\d+$/.test(reset.trim())) {
    const value = Number(reset.trim());
    const resetMs = value > 1e12 ? value : value * 1000;
    return Math.max(0, Math.ceil((resetMs - now) / 1000));
  }
  return parseRetryAfter(headers.get("retry-after"), now);
}

/**
 * Turns a failed FaceSign answer into a {@link FaceKitError}: 429 `rate_limited`, 401/403
 * `vendor_misconfigured` (the key), 404 `session_invalid`, 5xx `vendor_unavailable`, 400 and
 * any other 4xx `vendor_misconfigured` carrying FaceSign's own message (e.g. an invalid flow).
 * `vendorCode` is the error's `code`, else its `type`.
 * @example
 * throw toFaceSignError(response.status, json, response.headers);
 */
export function toFaceSignError(status: number, body: unknown, headers: Headers): FaceKitError {
  const vendor = vendorErrorOf(body);
  const vendorCode = vendor.code ?? vendor.type;
  const cause = { status, body };
  if (status === 429) {
    return new FaceKitError("rate_limited", "FaceSign rate limit reached.", {
      vendorCode,
      retryAfter: faceSignRetryAfter(headers),
      cause,
    });
  }
  if (status === 401 || status === 403) {
    return new FaceKitError(
      "vendor_misconfigured",
      `FaceSign refused the API key (HTTP ${status}): check facesign.apiKey (sk_test_… or sk_prod_…).`,
      { vendorCode, cause },
    );
  }
  if (status === 404) {
    return new FaceKitError("session_invalid", "FaceSign does not know this session.", {
      vendorCode,
      cause,
    });
  }
  if (status >= 500) {
    return new FaceKitError("vendor_unavailable", `FaceSign failed (HTTP ${status}).`, {
      vendorCode,
      cause,
    });
  }
  const detail = vendor.message ? `: ${vendor.message}` : "";
  const fix =
    vendor.type === "validation_error"
      ? " Fix facesign.session (flow, langs, ...) in your server config."
      : " Check facesign.baseUrl and facesign.session.";
  return new FaceKitError(
    "vendor_misconfigured",
    `FaceSign rejected the request (HTTP ${status}${vendorCode ? `, ${vendorCode}` : ""})${detail}.${fix}`,
    { vendorCode, cause },
  );
}
