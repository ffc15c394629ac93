/**
 * The one poller of core: the Face Match result (internal/pollFaceMatchResult.ts) and FaceSign's
 * status (internal/watchFaceSign.ts) both run on it and keep only what their answers mean.
 */
import type { FaceKitError } from "../protocol/index.ts";
import type { FaceSignWindow } from "../types.ts";
import { toFaceKitError } from "./toFaceKitError.ts";

/**
 * What a poller is told and asked. A hook returns `true` when it ended polling.
 * @example
 * const options: PollerOptions<Answer> = {
 *   window, signal, intervalMs: 3000, ask, onAnswer: () => false, onError: () => false,
 * };
 */
export interface PollerOptions<T> {
  window: Pick<FaceSignWindow, "setTimeout" | "clearTimeout">;
  /** When given, polling pauses while it is hidden and looks at once when it shows again. */
  document?: FaceSignWindow["document"];
  /** Aborting it stops the poller; answers that land later are dropped. */
  signal: AbortSignal;
  /** The first wait; each later one is x1.5, up to 15 s. */
  intervalMs: number;
  /** One look (never called while another is in flight). */
  ask(): Promise<T>;
  /** An answer; `true` when it ends polling (so does aborting `signal`). */
  onAnswer(answer: T): boolean;
  /**
   * A failed look; `true` when it ends polling. `retrying` is false when the poller gave up (it
   * stops whatever the hook says): the caller ends the attempt.
   */
  onError(error: FaceKitError, retrying: boolean): boolean;
  /** The longest the next wait may be (e.g. until a secret needs refreshing). */
  dueIn?(): number;
  /** While it says true, `network`/`vendor_unavailable` are retried without limit. */
  keepRetrying?(): boolean;
}

/**
 * A poller's controls.
 * @example
 * poller.resetDelay(1000);
 * poller.now();
 */
export interface Poller {
  /** Looks at once (the caller has news), or right after the look in flight answers. */
  now(): void;
  /** The back-off starts again from `ms` (default `intervalMs`) at the next scheduled wait. */
  resetDelay(ms?: number): void;
  /** Clears the timer and the visibility listener; aborting `signal` does the same. */
  stop(): void;
}

const maxDelay = 15_000;
/** `network`/`vendor_unavailable` errors in a row that are retried before giving up. */
const maxRetries = 3;

/**
 * Polls with `ask` until stopped: first after `intervalMs`, then x1.5 up to 15 s. Never two looks
 * at once. `rate_limited`: the next look waits for the back-off and at least `retryAfter`;
 * `network`/`vendor_unavailable`: retried 3 times in a row (see `keepRetrying`); any other error
 * ends polling.
 * @example
 * const poller = createPoller({
 *   window, signal, intervalMs: 3000,
 *   ask: () => getResult(session, signal),
 *   onAnswer: (res) => res.status === "completed", // true: done
 *   onError: () => false, // it stops by itself once it gives up
 * });
 * poller.now(); // the callback came: ask at once
 */
export function createPoller<T>(options: PollerOptions<T>): Poller {
  const { window: W, document: doc, signal, intervalMs } = options;
  let timer: number | undefined;
  let delay = intervalMs;
  let failures = 0;
  let notBefore = 0; // rate limited until then
  let busy = false; // a look is in flight
  let again = false; // ...and now() asked for another right after it
  let stopped = false;

  const schedule = (ms: number) => {
    W.clearTimeout(timer);
    timer = undefined;
    if (stopped || doc?.visibilityState === "hidden") return;
    timer = W.setTimeout(tick, Math.max(ms, notBefore - Date.now(), 0));
  };
  const next = () => {
    schedule(again ? 0 : Math.min(delay, options.dueIn?.() ?? delay));
    delay = Math.min(delay * 1.5, maxDelay);
  };
  const after = (done: boolean) => (done || signal.aborted ? stop() : next());
  const look = () => {
    busy = true;
    again = false;
    options.ask().then(
      (answer) => {
        if (signal.aborted) return;
        busy = false;
        failures = 0;
        after(options.onAnswer(answer));
      },
      (e: unknown) => {
        if (signal.aborted) return;
        busy = false;
        const error = toFaceKitError(e);
        const { code, retryAfter } = error;
        const limited = code === "rate_limited";
        if (limited) notBefore = Date.now() + (retryAfter ?? 0) * 1000;
        const transient = code === "network" || code === "vendor_unavailable";
        const retrying =
          limited || (transient && (!!options.keepRetrying?.() || ++failures <= maxRetries));
        after(options.onError(error, retrying) || !retrying);
      },
    );
  };
  const tick = () => {
    // A timer that fires during a look (the page showed again) is covered by that look.
    if (!busy && !stopped) look();
  };
  const onVisibility = () => schedule(0); // hidden: clears the timer; visible: looks at once
  function stop() {
    if (stopped) return;
    stopped = true;
    W.clearTimeout(timer);
    doc?.removeEventListener("visibilitychange", onVisibility);
  }

  signal.addEventListener("abort", stop, { once: true });
  doc?.addEventListener("visibilitychange", onVisibility);
  next();
  return {
    now() {
      W.clearTimeout(timer);
      if (stopped) return;
      if (busy) again = true;
      else look();
    },
    resetDelay(ms = intervalMs) {
      delay = ms;
    },
    stop,
  };
}
