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
  if (typeof data !== "object" || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.facekit !== 1 || d.type !== "verisoul:redirect") return null;
  if (typeof d.sessionId !== "string" || d.sessionId.length === 0 || d.sessionId.length > 200) {
    return null;
  }
  if (typeof d.success !== "boolean") return null;
  if (d.errorMessage !== undefined && typeof d.errorMessage !== "string") return null;
  const out: CallbackEnvelope = {
    facekit: 1,
    type: "verisoul:redirect",
    sessionId: d.sessionId,
    success: d.success,
  };
  if (typeof d.errorMessage === "string") out.errorMessage = d.errorMessage;
  return out;
}

const redirectCodes: Record<string, FaceKitErrorCode> = {
  invalid_session_id: "session_expired",
  session_id_not_found: "session_invalid",
  failed_to_get_camera_permission: "camera_denied",
  failed_to_complete_face_scan: "scan_incomplete",
  liveness_check_failed: "liveness_failed",
};

/** Maps a hosted-flow `error_message` to a FaceKit error code (unknown ones -> `scan_incomplete`). */
export function redirectErrorCode(errorMessage: string | undefined): FaceKitErrorCode {
  return (errorMessage && redirectCodes[errorMessage]) || "scan_incomplete";
}
