/**
 * The Verisoul Face Match flow: opens the hosted page in a popup (or redirects), waits for the
 * callback page's envelope or for the backend, and takes the verdict only from the backend.
 * Polling: internal/pollFaceMatchResult.ts; popup watching: internal/watchPopup.ts.
 * See docs/decisions/0001-verisoul-flow.md, which also explains the table below.
 *
 * One attempt at a time (internal/faceMatchAttempt.ts): `begin()` replaces any other; `end()`
 * aborts its requests, runs its cleanups (callback listener, popup watcher, detach timer) and
 * closes its popup. Every move to completed, cancelled or failed ends it (`finish`).
 *
 *   status            event                            next status
 *   not under way     open()                           preparing; popup opened unless redirect mode
 *   preparing         popup blocked, or shut < 250 ms  preparing, will redirect; popup mode: failed
 *   preparing         popup closed by the user         cancelled
 *   preparing         mint fails, session unusable     failed
 *   preparing         session ready                    open: popup navigated + polling, or leaves
 *   open              callback: success | failure      verifying (asks at once) | failed
 *   open              callback: left before the end    cancelled
 *   open              popup closed by the user         open; last look: completed | cancelled
 *   open              popup severed (< severWindowMs)  open + detached; last look after timeout
 *   open + detached   open()                           preparing (a new attempt)
 *   open | verifying  backend completed | gave up      completed | failed
 *   idle              resume(), outcome stored         verifying | failed
 *   idle              resume(), no outcome             idle; a quiet look, ended unless completed
 *   under way         cancel()                         cancelled (a quiet look just ends)
 *   any               reset() | destroy()              idle, no event
 */
import { idleFaceMatchSnapshot } from "./idleSnapshots.ts";
import { assertOpenable } from "./internal/assertOpenable.ts";
import { createStore } from "./internal/createStore.ts";
import { warn } from "./internal/dev.ts";
import {
  type FaceMatchAttempt as Attempt,
  createAttempt,
  endAttempt,
} from "./internal/faceMatchAttempt.ts";
import { listenForCallback } from "./internal/listenForCallback.ts";
import { openPopup } from "./internal/openPopup.ts";
import { type FinalEvent, pollFaceMatchResult } from "./internal/pollFaceMatchResult.ts";
import { clearRedirect, readPending, readReturned, savePending } from "./internal/redirectStore.ts";
import { redirectError, toFaceKitError } from "./internal/toFaceKitError.ts";
import { watchPopup } from "./internal/watchPopup.ts";
import { type CallbackEnvelope, FaceKitError, type FaceMatchSession } from "./protocol/index.ts";
import type * as T from "./types.ts";

// Typed locally (see ./internal/dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Creates a flow. Nothing happens until `open()` or `resume()`.
 * @example
 * const backend = createVerisoulBackendClient({ endpoint: "/api/facekit" });
 * const flow = createFaceMatchFlow({
 *   getSession: (signal) => backend.mintFaceMatchSession(signal),
 *   getResult: (session, signal) => backend.getFaceMatchResult(session.token, signal),
 * });
 * button.addEventListener("click", () => flow.open());
 */
export function createFaceMatchFlow(options: T.FaceMatchFlowOptions): T.FaceMatchFlow {
  const { getSession, mode = "auto", severWindowMs = 1000 } = options;
  const { get, set, emit, subscribe, on, clear } = createStore<
    T.FaceMatchSnapshot,
    T.FaceMatchEvent
  >(idleFaceMatchSnapshot);
  const w = (): T.FaceMatchWindow => options.window ?? window;
  const name = `facekit:verisoul:${Math.random()}`; // one popup per flow, never shared
  let attempt: Attempt | undefined;
  let destroyed = false;

  const begin = (resumed: boolean): Attempt => {
    end();
    attempt = createAttempt(resumed);
    return attempt;
  };
  const end = () => {
    const a = attempt;
    attempt = undefined;
    if (a) endAttempt(a);
  };
  const finish = (event: FinalEvent) => {
    if (event.type !== "completed" && get().status === "idle") return end(); // a quiet look
    const W = w();
    // Deferred, and left running by destroy(): StrictMode's second flow resumes first, in the same
    // task, and settles again; a real unmount still forgets the attempt.
    if (attempt?.resumed) W.setTimeout(() => clearRedirect(W), 0);
    end();
    const { type: status, ...fields } = event;
    set({ status, ...fields });
    emit(event);
  };
  const fail = (e: unknown) => finish({ type: "failed", error: toFaceKitError(e) });
  const cancelled = () => finish({ type: "cancelled" });
  const blocked = (a: Attempt) => {
    a.popup = null;
    emit({ type: "popup_blocked" });
    if (typeof process === "object" && process.env.NODE_ENV !== "production") {
      warn("the popup was blocked (auto mode falls back to a full-page redirect)");
    }
  };

  const onEnvelope = (a: Attempt, env: CallbackEnvelope | null) => {
    // Only the outcome of the session we opened counts (no session: nothing counts).
    if (!env || env.sessionId !== a.session?.sessionId || get().status !== "open") return;
    const { sessionId, success, errorMessage } = env;
    emit({ type: "callback_received", sessionId, success, errorMessage });
    a.popup?.close();
    a.popup = null;
    if (!success) {
      const error = redirectError(errorMessage);
      // Leaving the hosted page before the end is a cancel, like closing the popup: not an error.
      return error.code === "scan_incomplete" ? cancelled() : fail(error);
    }
    set({ status: "verifying" });
    emit({ type: "verifying", sessionId });
    a.poll?.(false);
  };

  // `loadedAt`: when the vendor's (cross-origin) page was first seen loaded; 0 = never.
  const onClosed = (a: Attempt, loadedAt: number) => {
    const { session } = a;
    // Before the session: in auto mode, within 250 ms of opening, a blocker closed it, not a user.
    if (!session)
      return mode === "auto" && Date.now() - a.openedAt < 250 ? blocked(a) : cancelled();
    // The user closed it; the result may still have landed: one last look.
    if (loadedAt && Date.now() - loadedAt >= severWindowMs) return a.poll?.(true);
    // COOP severed it: keep listening and polling until the deadline, then one last look.
    set({ detached: true });
    emit({ type: "popup_detached", sessionId: session.sessionId });
    const W = w();
    const id = W.setTimeout(() => a.poll?.(true), options.detachedTimeoutMs ?? 6e5);
    a.cleanups.push(() => W.clearTimeout(id));
  };

  const start = (a: Attempt, W: T.FaceMatchWindow, s: FaceMatchSession) => {
    const deadline = assertOpenable(s);
    const { sessionId, url } = s;
    const { signal } = a.ctrl;
    if (a.popup?.closed) onClosed(a, 0); // cancelled (aborting `signal`) or blocked
    if (signal.aborted) return;
    a.session = s;
    emit({ type: "session_ready", sessionId });
    if (!a.popup) savePending(W, s, deadline);
    set({ status: "open", sessionId });
    if (a.popup) {
      a.popup.location.href = url;
      a.cleanups.push(listenForCallback(W, a.popup, (env) => onEnvelope(a, env)));
      a.poll = pollFaceMatchResult(W, s, signal, options, emit, finish);
      return;
    }
    emit({ type: "redirect_started", sessionId });
    W.location.assign(url);
  };

  return {
    subscribe,
    getSnapshot: get,
    on,
    open() {
      if (destroyed) return;
      const { status, detached } = get();
      // Under way (not just a quiet resume look): focus our popup, or wait (preparing, verifying,
      // or the page is leaving for the vendor). A detached attempt may be replaced.
      if (attempt && status !== "idle" && !detached) return attempt.popup?.focus?.();
      const a = begin(false);
      const { signal } = a.ctrl;
      const W = w();
      set({ ...idleFaceMatchSnapshot, status: "preparing" });
      if (mode !== "redirect") {
        a.popup = openPopup(W, name, options.popup);
        if (a.popup) {
          emit({ type: "popup_opened" });
          a.cleanups.push(
            watchPopup(
              W,
              () => a.popup,
              (loadedAt) => onClosed(a, loadedAt),
            ),
          );
        } else {
          blocked(a);
          if (mode === "popup") {
            const message =
              typeof process === "object" && process.env.NODE_ENV !== "production"
                ? "The browser blocked the popup"
                : undefined;
            return fail(new FaceKitError("popup_blocked", message));
          }
        }
      }
      emit({ type: "session_requested" });
      getSession(signal)
        .then((s) => signal.aborted || start(a, W, s))
        .catch((e: unknown) => signal.aborted || fail(e));
    },
    cancel() {
      if (attempt) cancelled(); // an attempt is under way (a quiet resume look just stops)
    },
    resume() {
      if (destroyed || attempt) return;
      const W = w();
      const p = readPending(W);
      if (!p) return;
      const r = readReturned(W);
      const returned = r?.sessionId === p.sessionId;
      // No outcome came back (Back button, or finished on a phone): drop it once expired.
      if (!returned && !(p.expiresAt > Date.now())) return clearRedirect(W);
      const a = begin(true);
      a.session = { ...p, url: "" };
      a.poll = pollFaceMatchResult(W, a.session, a.ctrl.signal, options, emit, finish);
      // No outcome: one quiet look, which only a `completed` answer ends (see `finish`).
      if (!returned) return a.poll(true);
      set({ ...idleFaceMatchSnapshot, status: "open", sessionId: p.sessionId });
      onEnvelope(a, r);
    },
    reset() {
      end();
      set(idleFaceMatchSnapshot);
    },
    destroy() {
      destroyed = true;
      end();
      clear();
    },
  };
}
