/**
 * What redirect mode keeps in `sessionStorage` across the trip to the vendor and back. Written by
 * the flow (pending) and by the callback page (returned); cleared by the flow once settled.
 */

import type { FaceMatchSession } from "../protocol/index.ts";
import { type CallbackEnvelope, parseEnvelope } from "../protocol/index.ts";
import type { FaceMatchWindow } from "../types.ts";

/**
 * Key of the attempt that left the page.
 * @example
 * sessionStorage.getItem(pendingKey);
 */
export const pendingKey = "facekit:verisoul:pending";
/**
 * Key of the outcome the callback page brought back.
 * @example
 * sessionStorage.setItem(returnedKey, JSON.stringify(envelope));
 */
export const returnedKey = "facekit:verisoul:returned";

/**
 * The attempt that left the page for the vendor.
 * @example
 * const pending: PendingRedirect = { sessionId, token, expiresAt, returnTo: location.href };
 */
export interface PendingRedirect {
  sessionId: string;
  token: string;
  /** On this browser's clock (see `assertOpenable`), unlike the session's. */
  expiresAt: number;
  returnTo: string;
}

/**
 * Remembers the attempt before the page leaves for the vendor. Throws when storage is unavailable:
 * better to fail here than to lose the outcome after the trip.
 * @example
 * savePending(window, session, assertOpenable(session));
 * window.location.assign(session.url);
 */
export function savePending(
  win: FaceMatchWindow,
  { sessionId, token }: FaceMatchSession,
  expiresAt: number,
) {
  const pending: PendingRedirect = { sessionId, token, expiresAt, returnTo: win.location.href };
  win.sessionStorage.setItem(pendingKey, JSON.stringify(pending));
}

function read(win: FaceMatchWindow, key: string): unknown {
  try {
    return JSON.parse(win.sessionStorage.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

/**
 * The pending attempt, or `null` when there is none or it is garbage.
 * @example
 * if (readPending(window)?.sessionId === envelope.sessionId) returnToApp();
 */
export function readPending(win: FaceMatchWindow): PendingRedirect | null {
  // Written by our own flow; checking what resume() sends to the backend is enough.
  const p = read(win, pendingKey) as Partial<PendingRedirect> | null;
  return typeof p?.sessionId === "string" && typeof p.token === "string"
    ? (p as PendingRedirect)
    : null;
}

/**
 * The outcome stored by the callback page, checked like any other envelope.
 * @example
 * const outcome = readReturned(window);
 */
export function readReturned(win: FaceMatchWindow): CallbackEnvelope | null {
  return parseEnvelope(read(win, returnedKey));
}

/**
 * Forgets the redirect attempt once its result is settled.
 * @example
 * clearRedirect(window);
 */
export function clearRedirect(win: FaceMatchWindow): void {
  try {
    win.sessionStorage.removeItem(pendingKey);
    win.sessionStorage.removeItem(returnedKey);
  } catch {
    // Storage can vanish (privacy modes); nothing left to clear then.
  }
}
