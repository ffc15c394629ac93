/**
 * Every failure FaceKit reports, on the server and in the browser, carries one of these codes.
 * Switch on `error.code`; the message is for people and may change.
 */
export type FaceKitErrorCode =
  /** The browser blocked the popup and the launch mode does not allow a redirect fallback. */
  | "popup_blocked"
  /** The vendor session token expired or was never valid; start again with a new session. */
  | "session_expired"
  /** The session is unknown, belongs to another account, or was already used. */
  | "session_invalid"
  /** The person did not allow camera access. */
  | "camera_denied"
  /** No camera can be used here (none attached, or the page is not a secure context). */
  | "camera_unavailable"
  /** The file is not an image of an accepted type, or it cannot be read. */
  | "invalid_image"
  /** The image is larger than the accepted limit, even after downscaling. */
  | "image_too_large"
  /** The vendor account behind your backend has no credits left for this check. */
  | "no_credits"
  /** The person left the capture before it finished. */
  | "scan_incomplete"
  /** The vendor decided the capture was not a live person. */
  | "liveness_failed"
  /** 1:1 authentication asked for an account that has no enrolled face. */
  | "account_not_found"
  /** Your backend's `authorize(request)` refused the request (no signed-in user). */
  | "unauthorized"
  /** Too many requests; `retryAfter` (seconds) says when to try again, when known. */
  | "rate_limited"
  /** The vendor failed, timed out or could not be reached from your backend. */
  | "vendor_unavailable"
  /** The vendor refused your backend's API key or project settings: fix the server config. */
  | "vendor_misconfigured"
  /**
   * Your backend's shared store (e.g. Redis) failed or did not answer in time, so nothing that
   * costs a vendor call went ahead; try again in a moment.
   */
  | "store_unavailable"
  /** The browser could not reach your backend. */
  | "network"
  /** The request to your backend was malformed (a FaceKit bug or a tampered request). */
  | "bad_request"
  /** No FaceKit route at that path or method. */
  | "not_found"
  /** FaceKit was set up wrongly (missing provider, endpoint, key...); the message names the fix. */
  | "misconfigured"
  /** Anything unexpected; `cause` holds the original error. */
  | "internal";

/**
 * Every {@link FaceKitErrorCode}, to check strings that came over the wire. A plain list, so
 * browser bundles need not carry the server's {@link errorStatus} table.
 */
const codes: readonly FaceKitErrorCode[] = [
  "popup_blocked",
  "session_expired",
  "session_invalid",
  "camera_denied",
  "camera_unavailable",
  "invalid_image",
  "image_too_large",
  "no_credits",
  "scan_incomplete",
  "liveness_failed",
  "account_not_found",
  "unauthorized",
  "rate_limited",
  "vendor_unavailable",
  "vendor_misconfigured",
  "store_unavailable",
  "network",
  "bad_request",
  "not_found",
  "misconfigured",
  "internal",
];

/**
 * True when `value` is one of the {@link FaceKitErrorCode} strings.
 * @example
 * const code = isFaceKitErrorCode(body.error.code) ? body.error.code : "internal";
 */
export function isFaceKitErrorCode(value: unknown): value is FaceKitErrorCode {
  return codes.includes(value as FaceKitErrorCode);
}

/** Extra, optional facts about an error. */
export interface FaceKitErrorDetails {
  /** The vendor's own error string, e.g. `"session_not_complete"`, when there was one. */
  vendorCode?: string;
  /** Seconds to wait before retrying (`rate_limited`). */
  retryAfter?: number;
  /** HTTP status, when the error came from an HTTP response or needs another one than its code's. */
  status?: number;
  /** The original error. */
  cause?: unknown;
}

/**
 * The one error class of FaceKit.
 * @example
 * try { await client.verifyFace(id) } catch (e) {
 *   if (e instanceof FaceKitError && e.code === "rate_limited") wait(e.retryAfter)
 * }
 */
export class FaceKitError extends Error {
  override readonly name = "FaceKitError";
  // `declare`: the constructor sets these, so no separate class-field definitions are emitted.
  declare readonly code: FaceKitErrorCode;
  declare readonly vendorCode: string | undefined;
  declare readonly retryAfter: number | undefined;
  /**
   * HTTP status, only when given: the backend's answer in the browser, or an override such as 405.
   * A backend answers with {@link errorResponseStatus}, which falls back to the code's status.
   */
  declare readonly status: number | undefined;

  /**
   * `message` is for developers; without one it is the code (browser code leaves its messages out
   * of production builds, see `internal/dev.ts`).
   */
  constructor(code: FaceKitErrorCode, message: string = code, details: FaceKitErrorDetails = {}) {
    // `cause` (when given) as the platform sets it; the other details only when given.
    super(message, details);
    Object.assign(this, details, { code });
  }
}

/** Error body of every FaceKit backend route. */
export interface ErrorBody {
  error: { code: FaceKitErrorCode; message: string; retryAfter?: number; vendorCode?: string };
}

/**
 * HTTP status a backend answers with for each code. Only the server reads it (through
 * {@link errorResponseStatus}), never the constructor, so browser bundles leave it out.
 * @example
 * errorStatus.rate_limited; // 429
 */
export const errorStatus: Record<FaceKitErrorCode, number> = {
  popup_blocked: 400,
  session_expired: 410,
  session_invalid: 404,
  camera_denied: 422,
  camera_unavailable: 422,
  invalid_image: 422,
  image_too_large: 413,
  no_credits: 402,
  scan_incomplete: 422,
  liveness_failed: 422,
  account_not_found: 404,
  unauthorized: 401,
  rate_limited: 429,
  vendor_unavailable: 503,
  vendor_misconfigured: 502,
  store_unavailable: 503,
  network: 503,
  bad_request: 400,
  not_found: 404,
  misconfigured: 500,
  internal: 500,
};

/**
 * The HTTP status a backend answers `error` with: its own `status` when it has one, otherwise
 * {@link errorStatus} of its code.
 * @example
 * errorResponseStatus(new FaceKitError("unauthorized", "Sign in first.")); // 401
 */
export function errorResponseStatus(error: FaceKitError): number {
  return error.status ?? errorStatus[error.code];
}

/**
 * The JSON body a backend sends for `error` (`retryAfter` and `vendorCode` only when known).
 * @example
 * Response.json(toErrorBody(error), { status: errorResponseStatus(error) });
 */
export function toErrorBody(error: FaceKitError): ErrorBody {
  const body: ErrorBody["error"] = { code: error.code, message: error.message };
  if (error.retryAfter !== undefined) body.retryAfter = error.retryAfter;
  if (error.vendorCode !== undefined) body.vendorCode = error.vendorCode;
  return { error: body };
}
