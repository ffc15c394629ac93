import type { FaceSignWindow } from "../types.ts";
import type { PollerTimers } from "./createPoller.ts";

/**
 * The window's timers for one poller, paused while the page is hidden: a wait pending then is
 * dropped, and runs at once when the page shows again. One timer at a time (a poller has no
 * more). Aborting `signal` removes the `visibilitychange` listener.
 * @example
 * createPoller(pauseWhileHidden(window, signal), signal, 2000, hooks);
 */
export function pauseWhileHidden(W: FaceSignWindow, signal: AbortSignal): PollerTimers {
  const doc = W.document;
  let pending: (() => void) | undefined; // the poller's next tick, not run yet
  let timer: number | undefined;
  const arm = (ms: number) => {
    W.clearTimeout(timer);
    if (doc.visibilityState !== "hidden") timer = W.setTimeout(run, ms);
  };
  const run = () => {
    const tick = pending;
    pending = undefined;
    tick?.();
  };
  const onVisibility = () => pending && arm(0); // hidden: clears the timer; visible: runs it
  doc.addEventListener("visibilitychange", onVisibility);
  signal.addEventListener("abort", () => doc.removeEventListener("visibilitychange", onVisibility));
  return {
    setTimeout(tick, ms) {
      pending = tick;
      arm(ms);
      return 0; // one timer: clearTimeout() needs no id
    },
    clearTimeout() {
      pending = undefined;
      W.clearTimeout(timer);
    },
  };
}
