import { FaceKitError, type FaceMatchSession } from "../protocol/index.ts";

// Typed locally (see ./dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Refuses a session that must not be opened: expired, or a URL that is not http(s) (a
 * `javascript:` URL in a popup would run in our origin). Returns when the session stops being
 * usable on this browser's clock. `expiresAt` is on the server's clock: the time left is capped at
 * 10 minutes, and more than a day either way means a wrong clock on one side, not a dead
 * session, so it gets 5 minutes.
 * @example
 * const deadline = assertOpenable(session); // throws FaceKitError("session_expired") when too late
 */
export function assertOpenable(session: FaceMatchSession): number {
  const now = Date.now();
  const left = session.expiresAt - now;
  const usable = Math.abs(left) > 864e5 ? 3e5 : Math.min(left, 6e5);
  if (!(usable > 0)) {
    throw new FaceKitError(
      "session_expired",
      typeof process === "object" && process.env.NODE_ENV !== "production"
        ? "The session has expired"
        : undefined,
    );
  }
  if (!/^https?:\/\//i.test(session.url)) {
    throw new FaceKitError(
      "session_invalid",
      typeof process === "object" && process.env.NODE_ENV !== "production"
        ? "The session URL is not http(s)"
        : undefined,
    );
  }
  return now + usable;
}
