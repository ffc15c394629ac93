import type { FaceMatchSession } from "../protocol/index.ts";
import type { FaceMatchEvent, FaceMatchFlowOptions, FaceMatchWindow } from "../types.ts";
import { toFaceKitError } from "./toFaceKitError.ts";

/**
 * The event that ends an attempt; its `type` becomes the snapshot's `status`.
 * @example
 * const last: FinalEvent = { type: "cancelled" };
 */
export type FinalEvent = Extract<FaceMatchEvent, { type: "completed" | "cancelled" | "failed" }>;

/**
 * Polls the backend (`options.getResult`) for the verdict of `session` until `signal` aborts:
 * first after `options.pollIntervalMs` (default 3000), then x1.5 up to 15 s; waits `retryAfter` on `rate_limited`, retries network trouble 3 times,
 * fails on anything else. Never two requests at once; answers after the abort are dropped.
 * Returns `now(last)`: ask at once; with `last`, an answer other than `completed` ends the
 * attempt as cancelled (one last look before giving up).
 * @example
 * const now = startPolling(window, session, signal, { getResult }, emit, finish);
 * now(true); // the user closed the popup: completed, or else cancelled
 */
export function startPolling(
  win: FaceMatchWindow,
  session: FaceMatchSession,
  signal: AbortSignal,
  options: Pick<FaceMatchFlowOptions, "getResult" | "pollIntervalMs">,
  emit: (event: FaceMatchEvent) => void,
  finish: (event: FinalEvent) => void,
): (last: boolean) => void {
  const base = options.pollIntervalMs ?? 3000;
  let timer: number | undefined;
  let delay = base;
  let polls = 0;
  let failures = 0;
  let busy = false; // a request is in flight
  let again = false; // ...and the next one should follow at once
  let closing = false;

  const schedule = (ms: number) => {
    win.clearTimeout(timer);
    timer = win.setTimeout(check, ms);
  };
  const backoff = () => {
    schedule(again ? 0 : delay);
    delay = Math.min(delay * 1.5, 15000);
  };
  const check = (): void => {
    win.clearTimeout(timer);
    if (signal.aborted) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    again = false;
    emit({ type: "poll", sessionId: session.sessionId, attempt: ++polls });
    options.getResult(session, signal).then(
      (res) => {
        if (signal.aborted) return;
        busy = false;
        failures = 0;
        if (res.status === "completed") finish({ type: "completed", result: res.result });
        else if (closing) finish({ type: "cancelled" });
        else backoff();
      },
      (e: unknown) => {
        if (signal.aborted) return;
        busy = false;
        const error = toFaceKitError(e);
        const { code, retryAfter } = error;
        if (closing) finish({ type: "cancelled" });
        else if (code === "rate_limited") retryAfter ? schedule(retryAfter * 1000) : backoff();
        else if ((code === "network" || code === "vendor_unavailable") && ++failures < 4) backoff();
        else finish({ type: "failed", error });
      },
    );
  };

  signal.addEventListener("abort", () => win.clearTimeout(timer));
  backoff();
  return (last) => {
    closing = last;
    // After a success callback the vendor is done: "pending" can only be the backend's lookup
    // throttle, so look again soon rather than backing off.
    delay = last ? base : Math.min(base, 1000);
    check();
  };
}
