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

/** HTTP status a backend answers with for each code. */
export const errorStatus: Record<FaceKitErrorCode, number> = {
  popup_blocked: 400,
  session_expired: 410,
  session_invalid: 404,
  camera_denied: 422,
  scan_incomplete: 422,
  liveness_failed: 422,
  account_not_found: 404,
  unauthorized: 401,
  rate_limited: 429,
  vendor_unavailable: 503,
  vendor_misconfigured: 502,
  network: 503,
  bad_request: 400,
  not_found: 404,
  misconfigured: 500,
  internal: 500,
};

/** Extra, optional facts about an error. */
export interface FaceKitErrorDetails {
  /** The vendor's own error string, e.g. `"session_not_complete"`, when there was one. */
  vendorCode?: string;
  /** Seconds to wait before retrying (`rate_limited`). */
  retryAfter?: number;
  /** HTTP status, when the error came from or becomes an HTTP response. */
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
  readonly code: FaceKitErrorCode;
  readonly vendorCode: string | undefined;
  readonly retryAfter: number | undefined;
  readonly status: number;

  constructor(code: FaceKitErrorCode, message: string, details: FaceKitErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.vendorCode = details.vendorCode;
    this.retryAfter = details.retryAfter;
    this.status = details.status ?? errorStatus[code];
  }

  /** The JSON body a backend sends for this error. */
  toJSON(): ErrorBody {
    const error: ErrorBody["error"] = { code: this.code, message: this.message };
    if (this.retryAfter !== undefined) error.retryAfter = this.retryAfter;
    if (this.vendorCode !== undefined) error.vendorCode = this.vendorCode;
    return { error };
  }
}

/** Error body of every FaceKit backend route. */
export interface ErrorBody {
  error: { code: FaceKitErrorCode; message: string; retryAfter?: number; vendorCode?: string };
}

const codes = new Set(Object.keys(errorStatus));

/** True when `value` is one of the {@link FaceKitErrorCode} strings. */
export function isFaceKitErrorCode(value: unknown): value is FaceKitErrorCode {
  return typeof value === "string" && codes.has(value);
}
