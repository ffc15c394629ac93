import {
  FaceKitError,
  type FaceSignSession,
  type FaceSignSessionStatus,
  type FaceSignStatusResponse,
} from "../protocol/index.ts";
import type { FaceSignEvent, FaceSignFlowOptions, FaceSignWindow } from "../types.ts";
import { toFaceKitError } from "./toFaceKitError.ts";

/** What a watch reports to its flow. */
export interface WatchHooks {
  emit(event: FaceSignEvent): void;
  /** The backend's status of the session (`created` or `inProgress`) while it runs. */
  progress(status: "created" | "inProgress"): void;
  /** A new secret for the same session, taken while the user had not begun. */
  refreshed(session: FaceSignSession): void;
  /** The session ended (`complete`/`incomplete` answer) or polling gave up (`failed`). */
  finish(event: Extract<FaceSignEvent, { type: "completed" | "cancelled" | "failed" }>): void;
}

/** How long before its `expireAt` a secret not yet used is replaced, by default. */
export const defaultRefreshMarginMs = 60_000;

/** Refreshes in a row that the backend still calls invalid before the flow gives up. */
const maxRefusals = 3;

/**
 * Polls the status of `session` while the page is visible (paused while hidden, at once when it
 * shows again), every `pollIntervalMs` growing x1.5 to 15 s (back to the start on a new status).
 * While the backend still says `created`, the secret is refreshed `refreshMarginMs` before it
 * expires, or at once when the backend says FaceSign refuses it (`secretValid: false`: replaced
 * or expired), and swapped in only if a second look still says `created`: once the user has
 * begun, never. `rate_limited` waits `retryAfter`; `network`/`vendor_unavailable` are retried 3 times
 * before the user began. Once the session is `inProgress`, these transient errors never end it (the
 * user is in the iframe): polling goes on with the same back-off and the first error of each
 * outage emits `status_unavailable`. Never two requests at once. Returns the function that stops it (the flow also aborts `signal`).
 * @example
 * const stop = watchFaceSign(window, session, signal, options, hooks);
 */
export function watchFaceSign(
  W: FaceSignWindow,
  session: FaceSignSession,
  signal: AbortSignal,
  options: Pick<
    FaceSignFlowOptions,
    "getStatus" | "refresh" | "pollIntervalMs" | "refreshMarginMs"
  >,
  hooks: WatchHooks,
): () => void {
  const {
    getStatus,
    refresh,
    pollIntervalMs: base = 2000,
    refreshMarginMs = defaultRefreshMarginMs,
  } = options;
  const { sessionId } = session;
  const doc = W.document;
  let timer: number | undefined;
  let delay = base;
  let failures = 0;
  let outage = false; // `status_unavailable` was emitted; the next answer ends the outage
  let busy = false;
  let notBefore = 0; // rate limited until then
  let last: FaceSignSessionStatus = "created";
  let begun = false; // sticky: once the user began, the page is never reloaded
  let held = session; // the secret on screen (or about to be)
  let refusals = 0;

  const refreshIn = () => held.expireAt - refreshMarginMs - Date.now();
  // The secret goes along until the user begins: the backend tells whether FaceSign takes it.
  const look = (): Promise<FaceSignStatusResponse> =>
    getStatus(begun ? { sessionId } : { sessionId, clientSecret: held.clientSecret }, signal);
  const schedule = (ms: number) => {
    W.clearTimeout(timer);
    timer = undefined;
    if (doc.visibilityState === "hidden" || signal.aborted) return;
    timer = W.setTimeout(check, Math.max(ms, notBefore - Date.now(), 0));
  };
  const next = () => {
    // A session not yet begun is looked at again by the time its secret needs refreshing.
    schedule(begun ? delay : Math.min(delay, refreshIn()));
    delay = Math.min(delay * 1.5, 15_000);
  };

  async function check() {
    if (busy || signal.aborted) return;
    busy = true;
    try {
      let res = await look();
      const refused = res.secretValid === false;
      if (res.status === "created" && !begun && (refused || refreshIn() <= 0)) {
        if (refused && ++refusals > maxRefusals) {
          throw new FaceKitError(
            "session_invalid",
            "FaceSign keeps refusing this session's secret.",
          );
        }
        const fresh = await refresh(sessionId, signal);
        if (fresh.sessionId !== sessionId) {
          throw new FaceKitError("internal", "The refresh route answered another session");
        }
        const previous = held;
        held = fresh;
        res = await look();
        if (res.status === "created" && !signal.aborted) hooks.refreshed(fresh);
        else held = previous; // the user began meanwhile: the page keeps the secret it has
      } else if (res.secretValid) refusals = 0;
      if (signal.aborted) return;
      busy = false;
      failures = 0;
      outage = false;
      const { status } = res;
      begun ||= status !== "created";
      if (status !== last) {
        last = status;
        delay = base;
        hooks.emit({ type: "status_changed", sessionId, status });
      }
      if (status === "complete") hooks.finish({ type: "completed", summary: res.summary ?? null });
      else if (status === "incomplete") hooks.finish({ type: "cancelled" });
      else {
        hooks.progress(status);
        next();
      }
    } catch (e) {
      if (signal.aborted) return;
      busy = false;
      const error = toFaceKitError(e);
      const { code, retryAfter } = error;
      const limited = code === "rate_limited";
      if (limited) notBefore = Date.now() + (retryAfter ?? 0) * 1000;
      if (limited || code === "network" || code === "vendor_unavailable") {
        if (begun) {
          // Tearing the session down would end the user's page: keep looking, say so once.
          if (!outage) hooks.emit({ type: "status_unavailable", sessionId, error });
          outage = true;
          return next();
        }
        if (limited || ++failures < 4) return next();
      }
      hooks.finish({ type: "failed", error });
    }
  }

  const onVisibility = () => schedule(0); // hidden: clears the timer; visible: looks at once
  doc.addEventListener("visibilitychange", onVisibility);
  next();
  return () => {
    W.clearTimeout(timer);
    doc.removeEventListener("visibilitychange", onVisibility);
  };
}
