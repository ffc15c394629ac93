import { FaceKitError, type FaceKitErrorCode } from "@facekit/core/protocol";
import { parseRetryAfter } from "../internal/parseRetryAfter.ts";

/** Verisoul error strings -> FaceKit codes, with a message for people. */
const vendorCodes: Record<string, [FaceKitErrorCode, string]> = {
  session_not_found: ["session_invalid", "Verisoul does not know this session."],
  session_not_started: ["scan_incomplete", "The person has not started the capture yet."],
  session_not_complete: ["scan_incomplete", "The person has not finished the capture yet."],
  liveness_check_failed: ["liveness_failed", "Verisoul decided the capture was not a live person."],
  session_not_valid_for_this_endpoint: [
    "session_invalid",
    "This Verisoul session cannot be used for Face Match (is it an ID Check session?).",
  ],
  id_scan_not_complete: ["session_invalid", "This Verisoul session is an unfinished ID scan."],
  id_scan_failed: ["session_invalid", "This Verisoul session is a failed ID scan."],
  session_already_tied_to_an_account: [
    "session_invalid",
    "This Verisoul session is already enrolled under an account.",
  ],
  session_older_than_30_days: [
    "session_expired",
    "This Verisoul session is older than 30 days and can no longer be enrolled.",
  ],
  account_not_found: ["account_not_found", "No face is enrolled for this account."],
  groups_enabled: [
    "vendor_misconfigured",
    "Verisoul refuses Face Match sessions for projects with multi-accounting groups enabled: turn groups off in the Verisoul dashboard.",
  ],
};

/** The vendor's error string from a parsed body, if it has one. */
function vendorCodeOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === "string" && error.length > 0 && error.length <= 200 ? error : undefined;
}

/**
 * Turns a failed Verisoul answer into a {@link FaceKitError}. Precedence: 429, 401/403, 5xx, the
 * vendor's error string, then any other status (an answer we do not understand means our request
 * or config does not fit the vendor: `vendor_misconfigured`).
 * @example
 * throw toVerisoulError(response.status, await response.json(), response.headers);
 */
export function toVerisoulError(status: number, body: unknown, headers: Headers): FaceKitError {
  const vendorCode = vendorCodeOf(body);
  const cause = { status, body };
  if (status === 429) {
    return new FaceKitError("rate_limited", "Verisoul rate limit reached (300 requests/minute).", {
      vendorCode,
      retryAfter: parseRetryAfter(headers.get("retry-after")),
      cause,
    });
  }
  if (status === 401 || status === 403) {
    return new FaceKitError(
      "vendor_misconfigured",
      `Verisoul refused the API key (HTTP ${status}): check verisoul.apiKey and verisoul.environment.`,
      { vendorCode, cause },
    );
  }
  if (status >= 500) {
    return new FaceKitError("vendor_unavailable", `Verisoul failed (HTTP ${status}).`, {
      vendorCode,
      cause,
    });
  }
  const known = vendorCode === undefined ? undefined : vendorCodes[vendorCode];
  if (known) return new FaceKitError(known[0], known[1], { vendorCode, cause });
  return new FaceKitError(
    "vendor_misconfigured",
    `Verisoul answered HTTP ${status}${vendorCode ? ` (${vendorCode})` : ""}, which FaceKit does not understand: check verisoul.baseUrl.`,
    { vendorCode, cause },
  );
}
