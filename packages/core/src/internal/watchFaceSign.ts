import {
  FaceKitError,
  type FaceSignSession,
  type FaceSignSessionStatus,
  type FaceSignStatusResponse,
} from "../protocol/index.ts";
import type { FaceSignEvent, FaceSignFlowOptions, FaceSignWindow } from "../types.ts";
import { createPoller } from "./createPoller.ts";
import { pauseWhileHidden } from "./pauseWhileHidden.ts";

// Typed locally (see ./dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

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
 * Polls the status of `session` on {@link createPoller} (every `pollIntervalMs`, default 2000,
 * growing x1.5 to 15 s; paused while the page is hidden, at once when it shows again), back to the
 * start on a new status. While the backend still says `created`, the secret is refreshed
 * `refreshMarginMs` before it expires, or at once when the backend says FaceSign refuses it
 * (`secretValid: false`: replaced or expired), and swapped in only if a second look still says
 * `created`: once the user has begun, never. Once the session is `inProgress`, transient errors
 * (`network`, `vendor_unavailable`, `rate_limited`) never end it (the user is in the iframe):
 * polling goes on with the same back-off and the first error of each outage emits
 * `status_unavailable`. Aborting `signal` stops it.
 * @example
 * watchFaceSign(window, session, ctrl.signal, options, hooks);
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
): void {
  const { getStatus, refresh, refreshMarginMs = defaultRefreshMarginMs } = options;
  const { sessionId } = session;
  let outage = false; // `status_unavailable` was emitted; the next answer ends the outage
  let last: FaceSignSessionStatus = "created";
  let begun = false; // sticky: once the user began, the page is never reloaded
  let held = session; // the secret on screen (or about to be)
  let refusals = 0;

  const refreshIn = () => held.expireAt - refreshMarginMs - Date.now();
  // The secret goes along until the user begins: the backend tells whether FaceSign takes it.
  const look = (): Promise<FaceSignStatusResponse> =>
    getStatus(begun ? { sessionId } : { sessionId, clientSecret: held.clientSecret }, signal);

  async function ask(): Promise<FaceSignStatusResponse> {
    const res = await look();
    const refused = res.secretValid === false;
    if (res.status !== "created" || begun || !(refused || refreshIn() <= 0)) {
      if (res.secretValid) refusals = 0;
      return res;
    }
    if (refused && ++refusals > maxRefusals) {
      throw new FaceKitError(
        "session_invalid",
        typeof process === "object" && process.env.NODE_ENV !== "production"
          ? "FaceSign keeps refusing this session's secret."
          : undefined,
      );
    }
    const fresh = await refresh(sessionId, signal);
    if (fresh.sessionId !== sessionId) {
      throw new FaceKitError(
        "internal",
        typeof process === "object" && process.env.NODE_ENV !== "production"
          ? "The refresh route answered another session"
          : undefined,
      );
    }
    const previous = held;
    held = fresh;
    const second = await look();
    if (second.status === "created" && !signal.aborted) hooks.refreshed(fresh);
    else held = previous; // the user began meanwhile: the page keeps the secret it has
    return second;
  }

  createPoller(pauseWhileHidden(W, signal), signal, options.pollIntervalMs ?? 2000, {
    ask,
    // A session not yet begun is looked at again by the time its secret needs refreshing.
    dueIn: () => (begun ? Infinity : refreshIn()),
    // Tearing the session down would end the user's page: once begun, keep looking.
    keepRetrying: () => begun,
    onAnswer(res) {
      outage = false;
      const { status } = res;
      const news = status !== last;
      last = status;
      begun ||= status !== "created";
      if (news) hooks.emit({ type: "status_changed", sessionId, status });
      if (status === "complete") hooks.finish({ type: "completed", summary: res.summary ?? null });
      else if (status === "incomplete") hooks.finish({ type: "cancelled" });
      else hooks.progress(status);
      return news; // a new status: the back-off starts again
    },
    onError(error, retrying) {
      if (!retrying) return hooks.finish({ type: "failed", error });
      // Before the user began, retried quietly; after, the poller never gives up, and the first
      // error of each outage says so.
      if (begun && !outage) hooks.emit({ type: "status_unavailable", sessionId, error });
      outage ||= begun;
    },
  });
}
