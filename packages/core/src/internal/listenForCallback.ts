import { type CallbackEnvelope, channelName, parseEnvelope } from "../protocol/index.ts";
import type { FlowPopup, FlowWindow } from "../types.ts";
import { isDev, warn } from "./dev.ts";

/**
 * Listens for the callback page's envelope: `message` events only from the exact `origin` AND the
 * `popup` we opened, plus the `facekit` BroadcastChannel (same-origin by construction) for when
 * COOP severed the opener. Payloads go through `parseEnvelope`; the caller checks the session id.
 * @example
 * const off = listenForCallback(window, location.origin, popup, (env) => env && handle(env));
 */
export function listenForCallback(
  win: FlowWindow,
  origin: string,
  popup: FlowPopup | null,
  onEnvelope: (envelope: CallbackEnvelope | null) => void,
): () => void {
  const onMessage = (e: MessageEvent) => {
    if (e.origin === origin && e.source === popup) onEnvelope(parseEnvelope(e.data));
    else if (isDev && e.origin !== origin && parseEnvelope(e.data)) {
      warn(`ignored a callback message from ${e.origin}; expected ${origin} (see callbackOrigin)`);
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
