import type { FaceMatchSession } from "../protocol/index.ts";
import type { FaceMatchPopup } from "../types.ts";

/**
 * One Face Match attempt, from open() or resume() to its end: everything `endAttempt` tears down.
 * Aborting `ctrl` ends it: late answers check its signal and stop. The transitions are in the
 * header of createFaceMatchFlow.ts.
 * @example
 * const attempt = createAttempt(false);
 * attempt.popup = openPopup(window, name);
 */
export interface FaceMatchAttempt {
  ctrl: AbortController;
  /** Ours while open; null when blocked, in redirect mode, resumed, or once the callback came. */
  popup: FaceMatchPopup | null;
  /** Once minted (or read back after a redirect). */
  session?: FaceMatchSession;
  /** Run by `endAttempt`: the callback listener, the popup watcher, the detach timer. */
  cleanups: (() => void)[];
  /** When the attempt began, with its popup (tells a popup blocker from the user). */
  openedAt: number;
  /** Asks the backend now (see pollFaceMatchResult); set once polling runs. */
  poll?: (last: boolean) => void;
  /** Came back from a redirect: storage is cleared once settled. */
  resumed: boolean;
}

/**
 * A new attempt, with nothing opened or asked yet.
 * @example
 * const attempt = createAttempt(true); // resuming after a redirect
 */
export function createAttempt(resumed: boolean): FaceMatchAttempt {
  return { ctrl: new AbortController(), popup: null, cleanups: [], openedAt: Date.now(), resumed };
}

/**
 * Ends `attempt`: aborts its requests, runs its cleanups and closes its popup.
 * @example
 * endAttempt(attempt);
 */
export function endAttempt(attempt: FaceMatchAttempt): void {
  attempt.ctrl.abort();
  for (const off of attempt.cleanups) off();
  attempt.popup?.close(); // a no-op when the user already closed it
}
