import { FaceKitError, type FaceMatchSession } from "../protocol/index.ts";

/**
 * Refuses a session that must not be opened: past `expiresAt`, or a URL that is not http(s)
 * (a `javascript:` URL in a popup would run in our origin).
 * @example
 * assertOpenable(session); // throws FaceKitError("session_expired") when too late
 */
export function assertOpenable(session: FaceMatchSession): void {
  if (!(session.expiresAt > Date.now())) {
    throw new FaceKitError("session_expired", "The session has expired");
  }
  if (!/^https?:\/\//i.test(session.url)) {
    throw new FaceKitError("session_invalid", "The session URL is not http(s)");
  }
}
