import { errorResponseStatus, type FaceKitError, toErrorBody } from "@facekit/core/protocol";

const baseHeaders = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
} as const;

/**
 * A JSON response that no cache keeps (tokens and verdicts are per-person).
 * @example
 * return jsonResponse({ status: "pending" });
 */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...baseHeaders, ...headers } });
}

/**
 * The one place a {@link FaceKitError} becomes an HTTP answer: `errorResponseStatus(error)`, the
 * `toErrorBody(error)` body, and `Retry-After` when the wait is known.
 * @example
 * return errorResponse(new FaceKitError("unauthorized", "Sign in first."));
 */
export function errorResponse(error: FaceKitError, headers: Record<string, string> = {}): Response {
  const extra: Record<string, string> = { ...headers };
  if (error.retryAfter !== undefined) extra["retry-after"] = String(error.retryAfter);
  return jsonResponse(toErrorBody(error), errorResponseStatus(error), extra);
}
