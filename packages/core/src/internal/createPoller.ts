/**
 * The one poller of core: the Face Match result (internal/pollFaceMatchResult.ts) and FaceSign's
 * status (internal/watchFaceSign.ts) both run on it and keep only what their answers mean.
 * FaceSign's pause while the page is hidden wraps the timers it is given
 * (internal/pauseWhileHidden.ts), so Face Match carries none of it.
 */
import type { FaceKitError } from "../protocol/index.ts";
import type { FaceSignWindow } from "../types.ts";
import { toFaceKitError } from "./toFaceKitError.ts";

/**
 * What a poller asks and tells. It polls until its `signal` aborts (the caller ends the attempt)
 * or it gives up on an error.
 * @example
 * const hooks: PollerHooks<Answer> = { ask, onAnswer: show, onError: report };
 */
export interface PollerHooks<T> {
  /** One look (never called while another is in flight). */
  ask(): Promise<T>;
  /** An answer; `true` when it is news: the back-off starts again from the first wait. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook with no news returns nothing
  onAnswer(answer: T): boolean | void;
  /**
   * A failed look. `retrying` is false when the poller gave up (it looks no more): the caller
   * ends the attempt.
   */
  onError(error: FaceKitError, retrying: boolean): void;
  /** The longest the next wait may be (e.g. until a secret needs refreshing). */
  dueIn?(): number;
  /** While it says true, `network`/`vendor_unavailable` are retried without limit. */
  keepRetrying?(): boolean;
}

/** The timers a poller runs on: the window's, or ones that pause (see pauseWhileHidden). */
export type PollerTimers = Pick<FaceSignWindow, "setTimeout" | "clearTimeout">;

/**
 * Looks at once (the caller has news), or right after the look in flight answers; the back-off
 * then starts again from `delay`.
 * @example
 * now(1000);
 */
export type PollNow = (delay: number) => void;

/**
 * Polls with `hooks.ask` until `signal` aborts: first after `intervalMs`, then x1.5 up to 15 s.
 * Never two looks at once. `rate_limited`: the next look waits for the back-off and at least
 * `retryAfter`; `network`/`vendor_unavailable`: retried 3 times in a row (see `keepRetrying`);
 * any other error ends polling. Aborting `signal` clears the timer and drops answers that land
 * later.
 * @example
 * const now = createPoller(window, signal, 3000, {
 *   ask: () => getResult(session, signal),
 *   onAnswer(res) {
 *     if (res.status === "completed") done(res); // done() aborts `signal`
 *   },
 *   onError(error, retrying) {
 *     if (!retrying) fail(error);
 *   },
 * });
 * now(3000); // the callback came: ask at once
 */
export function createPoller<T>(
  timers: PollerTimers,
  signal: AbortSignal,
  intervalMs: number,
  hooks: PollerHooks<T>,
): PollNow {
  let timer: number | undefined;
  let delay = intervalMs;
  let failures = 0; // `network`/`vendor_unavailable` in a row
  let notBefore = 0; // rate limited until then
  let busy = false; // a look is in flight
  let again = false; // ...and now() asked for another right after it

  const schedule = (ms: number) => {
    timers.clearTimeout(timer);
    if (!signal.aborted) timer = timers.setTimeout(tick, ms);
  };
  // Never before `notBefore`, even when a wait is cut short (FaceSign's page showed again). No
  // timer runs during a look, so a tick never meets one.
  const tick = () => {
    const wait = notBefore - Date.now();
    if (wait > 0) schedule(wait);
    else look();
  };
  const next = () => {
    busy = false;
    schedule(again ? 0 : Math.min(delay, hooks.dueIn?.() ?? delay));
    delay = Math.min(delay * 1.5, 15_000);
  };
  const look = () => {
    busy = true;
    again = false;
    hooks.ask().then(
      (answer) => {
        if (signal.aborted) return;
        failures = 0;
        if (hooks.onAnswer(answer)) delay = intervalMs;
        next();
      },
      (e: unknown) => {
        if (signal.aborted) return;
        const error = toFaceKitError(e);
        const { code } = error;
        const limited = code === "rate_limited";
        if (limited) notBefore = Date.now() + (error.retryAfter ?? 0) * 1000;
        const retrying =
          limited ||
          ((code === "network" || code === "vendor_unavailable") &&
            (!!hooks.keepRetrying?.() || ++failures < 4));
        hooks.onError(error, retrying);
        if (retrying) next(); // else busy for good: no look, scheduled or asked for, follows
      },
    );
  };

  signal.addEventListener("abort", () => timers.clearTimeout(timer));
  next();
  return (ms) => {
    timers.clearTimeout(timer);
    delay = ms;
    if (signal.aborted) return;
    if (busy) again = true;
    else look();
  };
}
