import type { VerisoulEnrollError, VerisoulVerifyError } from "@facekit/core/protocol";
import type { SimulatedSession } from "./types.ts";

/** Sessions must be enrolled within 30 days of their creation. */
const enrolWindowMs = 30 * 24 * 60 * 60 * 1000;

/**
 * The verify-face / verify-identity error for a session's state, or `null` when it can be
 * verified (completed with a passed liveness check).
 * @example
 * verifyError(undefined); // "session_not_found"
 */
export function verifyError(session: SimulatedSession | undefined): VerisoulVerifyError | null {
  if (!session) return "session_not_found";
  if (session.kind === "id") return "session_not_valid_for_this_endpoint";
  if (session.state === "created") return "session_not_started";
  if (session.state === "started") return "session_not_complete";
  switch (session.outcome) {
    case "success":
      return null;
    case "liveness_check_failed":
      return "liveness_check_failed";
    // Simulated token failures: the vendor never ran a capture for the session [I].
    case "invalid_session_id":
    case "session_id_not_found":
      return "session_not_started";
    default:
      return "session_not_complete";
  }
}

/**
 * The enroll error for a session, or `null` when it can be enrolled now.
 * @example
 * enrollError(session, Date.now()); // "session_already_tied_to_an_account" after one enrol
 */
export function enrollError(
  session: SimulatedSession | undefined,
  now: number,
): VerisoulEnrollError | null {
  const error = verifyError(session);
  if (error || !session) return error;
  if (session.accountId !== null) return "session_already_tied_to_an_account";
  if (now - session.createdAt > enrolWindowMs) return "session_older_than_30_days";
  return null;
}
