/**
 * The message a FaceKit callback page sends to the window that opened the flow (postMessage to the
 * exact origin, and BroadcastChannel for when COOP severed `window.opener`). Parsed with a strict
 * shape check: anything else is ignored.
 */
import type { FaceKitErrorCode } from "./errors.ts";

/** BroadcastChannel name used by callback pages. */
export const channelName = "facekit";

/** What the hosted flow told the callback page. */
export interface CallbackEnvelope {
  facekit: 1;
  type: "verisoul:redirect";
  sessionId: string;
  success: boolean;
  /** The vendor's `error_message`, only when `success` is false. */
  errorMessage?: string;
}

/** Returns the envelope when `data` has exactly the expected shape, otherwise `null`. */
export function parseEnvelope(data: unknown): CallbackEnvelope | null {
  if (typeof data !== "object" || !data) return null;
  const { facekit, type, sessionId, success, errorMessage } = data as Record<string, unknown>;
  if (
    facekit !== 1 ||
    type !== "verisoul:redirect" ||
    typeof sessionId !== "string" ||
    !sessionId ||
    sessionId.length > 200 ||
    typeof success !== "boolean" ||
    (errorMessage !== undefined && typeof errorMessage !== "string")
  ) {
    return null;
  }
  // A fresh object: nothing but these fields leaves the parser.
  const envelope: CallbackEnvelope = { facekit, type, sessionId, success };
  if (errorMessage !== undefined) envelope.errorMessage = errorMessage;
  return envelope;
}

// `failed_to_complete_face_scan` and any unknown message fall back to `scan_incomplete`.
const redirectCodes: Record<string, FaceKitErrorCode> = {
  invalid_session_id: "session_expired",
  session_id_not_found: "session_invalid",
  failed_to_get_camera_permission: "camera_denied",
  liveness_check_failed: "liveness_failed",
};

/** Maps a hosted-flow `error_message` to a FaceKit error code (unknown ones -> `scan_incomplete`). */
export function redirectErrorCode(errorMessage: string | undefined): FaceKitErrorCode {
  // The message comes from a URL: only own keys, never Object.prototype's ("constructor"...).
  return (
    (errorMessage && Object.hasOwn(redirectCodes, errorMessage) && redirectCodes[errorMessage]) ||
    "scan_incomplete"
  );
}
