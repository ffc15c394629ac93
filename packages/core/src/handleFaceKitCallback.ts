/**
 * Runs on the app's callback page (the vendor's `redirect_url`). Hands the hosted flow's outcome
 * to whoever started it: the same tab (redirect mode), the opener (popup), or, when COOP severed
 * the opener or the user finished on a phone, a BroadcastChannel and the backend's polling.
 */

import { readPending, returnedKey } from "./internal/redirectStore.ts";
import { type CallbackEnvelope, channelName, parseEnvelope } from "./protocol/index.ts";
import type { FaceMatchWindow } from "./types.ts";

/**
 * What {@link handleFaceKitCallback} did, so the page can show the right words.
 * @example
 * if (outcome.kind === "handoff") show("You can return to your computer.");
 */
export type FaceKitCallbackOutcome =
  /** Stored the outcome and went back to the page that started the redirect. */
  | { kind: "redirect" }
  /** Posted the outcome to the opener and closed the popup. */
  | { kind: "popup" }
  /** No opener here (phone hand-off, or COOP): broadcast it; the starting tab polls anyway. */
  | { kind: "handoff"; envelope: CallbackEnvelope }
  /** The URL carries no valid outcome. */
  | { kind: "invalid" };

/**
 * Handles the callback page. Call it once when the page loads. Serve the page from the app's own
 * origin: the outcome travels by same-origin `postMessage`, BroadcastChannel and sessionStorage.
 * @example
 * // callback.ts, served at the redirect_url your server configures
 * import { handleFaceKitCallback } from "@facekit/core";
 * const outcome = handleFaceKitCallback();
 * if (outcome.kind === "handoff") status.textContent = "You can return to your computer.";
 */
export function handleFaceKitCallback(
  options: { window?: FaceMatchWindow } = {},
): FaceKitCallbackOutcome {
  const win = options.window ?? window;
  const { origin, search } = win.location;
  const q = new URLSearchParams(search);
  const success = q.get("success");
  const envelope = parseEnvelope({
    facekit: 1,
    type: "verisoul:redirect",
    sessionId: q.get("session_id"),
    success: success === "true" ? true : success === "false" ? false : null,
    errorMessage: success === "false" ? (q.get("error_message") ?? undefined) : undefined,
  });
  if (!envelope) return { kind: "invalid" };

  const pending = readPending(win);
  if (pending?.sessionId === envelope.sessionId) {
    win.sessionStorage.setItem(returnedKey, JSON.stringify(envelope));
    win.location.replace(sameOrigin(pending.returnTo, origin));
    return { kind: "redirect" };
  }

  const Channel = win.BroadcastChannel;
  const channel = Channel ? new Channel(channelName) : null;
  channel?.postMessage(envelope);
  const opener = win.opener;
  // Exact origin, never "*": if the opener is not our app, the browser drops the message.
  opener?.postMessage(envelope, origin);
  // Give the channel a moment to deliver before the page goes away.
  win.setTimeout(() => {
    channel?.close();
    win.close();
  }, 100);
  return opener ? { kind: "popup" } : { kind: "handoff", envelope };
}

/** `returnTo` came from storage: only ever go back to our own origin. */
function sameOrigin(url: unknown, origin: string): string {
  try {
    return typeof url === "string" && new URL(url, origin).origin === origin ? url : "/";
  } catch {
    return "/";
  }
}
