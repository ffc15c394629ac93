import { type CallbackEnvelope, channelName, parseEnvelope } from "../protocol/index.ts";
import type { FaceMatchPopup, FaceMatchWindow } from "../types.ts";
import { warn } from "./dev.ts";

// Typed locally (see ./dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Listens for the callback page's envelope: `message` events only from this window's own origin
 * AND the `popup` we opened, plus the `facekit` BroadcastChannel for when COOP severed the opener.
 * The callback page must be served from the app's origin: it posts to its own origin, and the
 * channel (like the sessionStorage of redirect mode) is same-origin only. Payloads go through
 * `parseEnvelope`; the caller checks the session id.
 * @example
 * const off = listenForCallback(window, popup, (env) => env && handle(env));
 */
export function listenForCallback(
  win: FaceMatchWindow,
  popup: FaceMatchPopup | null,
  onEnvelope: (envelope: CallbackEnvelope | null) => void,
): () => void {
  const { origin } = win.location;
  const onMessage = (e: MessageEvent) => {
    if (e.origin === origin && e.source === popup) onEnvelope(parseEnvelope(e.data));
    else if (
      typeof process === "object" &&
      process.env.NODE_ENV !== "production" &&
      e.origin !== origin &&
      parseEnvelope(e.data)
    ) {
      warn(
        `ignored a callback message from ${e.origin}: serve the callback page (redirect_url) from this app's origin, ${origin}`,
      );
    }
  };
  win.addEventListener("message", onMessage);
  const Channel = win.BroadcastChannel;
  const channel = Channel ? new Channel(channelName) : null;
  if (channel) channel.onmessage = (e) => onEnvelope(parseEnvelope(e.data));
  return () => {
    win.removeEventListener("message", onMessage);
    channel?.close();
  };
}
