import { FaceKitError } from "@facekit/core/protocol";
import { parseRetryAfter } from "../internal/parseRetryAfter.ts";

/**
 * Didit's words from an error body. The shape is not published; Didit is a Django REST service,
 * so `{detail}` or a field map like `{user_image: ["..."]}` are expected (shared vendor notes).
 */
function describe(body: unknown): { text?: string; field?: string } {
  if (typeof body === "string") return body.trim() ? { text: body.slice(0, 300) } : {};
  if (typeof body !== "object" || body === null) return {};
  const entries = Object.entries(body as Record<string, unknown>);
  const [field, value] = entries.find(([, v]) => typeof v === "string" || Array.isArray(v)) ?? [];
  const text = Array.isArray(value) ? value.filter((x) => typeof x === "string").join(" ") : value;
  if (typeof text !== "string" || text === "") return {};
  return { text: text.slice(0, 300), field: field === "detail" ? undefined : field };
}

/**
 * Seconds to wait after Didit's 429: `Retry-After`, else `X-RateLimit-Reset` (epoch seconds).
 * @example
 * diditRetryAfter(headers) // 12
 */
function diditRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const retry = parseRetryAfter(headers.get("retry-after"), now);
  if (retry !== undefined) return retry;
  const reset = Number(headers.get("x-ratelimit-reset"));
  return reset > 0 ? Math.max(0, Math.ceil(reset - now / 1000)) : undefined;
}

/**
 * Turns a failed Didit answer into a {@link FaceKitError}: 400 `invalid_image` (Didit could not
 * use a file; `vendorCode` names the field), 403 `no_credits` when Didit says so, else
 * `vendor_misconfigured`: Didit answers a missing or invalid key with 403 `{"detail": "You do
 * not have permission to perform this action."}` and never 401 (also an IP allow-list), 404
 * `session_invalid`, 429 `rate_limited` with `retryAfter`, 5xx `vendor_unavailable`; any other
 * status (401 included) `vendor_misconfigured`.
 * @example
 * throw toDiditError(response.status, json, response.headers);
 */
export function toDiditError(status: number, body: unknown, headers: Headers): FaceKitError {
  const { text, field } = describe(body);
  const cause = { status, body };
  const said = text ? `: ${text}` : "";
  if (status === 429) {
    return new FaceKitError("rate_limited", "Didit rate limit reached.", {
      retryAfter: diditRetryAfter(headers),
      cause,
    });
  }
  if (status === 400) {
    return new FaceKitError("invalid_image", `Didit could not use the image${said}`, {
      vendorCode: field,
      cause,
    });
  }
  if (status === 403 && /credit|balance/i.test(text ?? "")) {
    return new FaceKitError("no_credits", "The Didit account has no credits left.", {
      cause,
    });
  }
  if (status === 403) {
    return new FaceKitError(
      "vendor_misconfigured",
      `Didit refused the request (HTTP 403)${said}. Check didit.apiKey, its permissions and IP allow-list.`,
      { cause },
    );
  }
  if (status === 404) {
    return new FaceKitError("session_invalid", "Didit does not know this request.", { cause });
  }
  if (status >= 500) {
    return new FaceKitError("vendor_unavailable", `Didit failed (HTTP ${status}).`, { cause });
  }
  return new FaceKitError(
    "vendor_misconfigured",
    `Didit rejected the request (HTTP ${status})${said}.`,
    {
      cause,
    },
  );
}
