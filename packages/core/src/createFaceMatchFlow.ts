/**
 * The Verisoul Face Match flow: opens the hosted page in a popup (or redirects), waits for the
 * callback page's envelope or for the backend, and takes the verdict only from the backend.
 * Polling: internal/createPoller.ts; popup watching: internal/watchPopup.ts.
 * See docs/decisions/0001-verisoul-flow.md.
 */
import { idleFaceMatchSnapshot } from "./idleSnapshots.ts";
import { assertOpenable } from "./internal/assertOpenable.ts";
import { type FinalEvent, startPolling } from "./internal/createPoller.ts";
import { createStore } from "./internal/createStore.ts";
import { warn } from "./internal/dev.ts";

// Typed locally (see ./internal/dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

import { listenForCallback } from "./internal/listenForCallback.ts";
import { openPopup } from "./internal/openPopup.ts";
import { clearRedirect, readPending, readReturned, savePending } from "./internal/redirectStore.ts";
import { redirectError, toFaceKitError } from "./internal/toFaceKitError.ts";
import { watchPopup } from "./internal/watchPopup.ts";
import { type CallbackEnvelope, FaceKitError, type FaceMatchSession } from "./protocol/index.ts";
import type * as T from "./types.ts";

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
  const { getSession, mode = "auto", severWindowMs = 3000 } = options;
  const { get, set, emit, subscribe, on, clear } = createStore<
    T.FaceMatchSnapshot,
    T.FaceMatchEvent
  >(idleFaceMatchSnapshot);
  const w = (): T.FaceMatchWindow => options.window ?? window;
  const name = `facekit:verisoul:${Math.random()}`; // one popup per flow, never shared
  // The current attempt. Aborting `ctrl` ends it: late answers check their signal and stop.
  let ctrl: AbortController | undefined;
  let popup: T.FaceMatchPopup | null = null;
  let session: FaceMatchSession | undefined;
  let offs: (() => void)[] = [];
  let openedAt = 0;
  let poll: (last: boolean) => void; // ask the backend now (see startPolling)
  let resumed = false; // came back from a redirect: storage is cleared once settled
  let destroyed = false;

  const begin = () => {
    end();
    ctrl = new AbortController();
    resumed = false;
    return ctrl.signal;
  };
  const end = () => {
    if (!ctrl) return;
    ctrl.abort();
    ctrl = session = undefined;
    for (const off of offs) off();
    offs = [];
    popup?.close(); // a no-op when the user already closed it
    popup = null;
  };
  const finish = (event: FinalEvent) => {
    if (event.type !== "completed" && get().status === "idle") return end(); // a quiet look
    const W = w();
    // Deferred, and left running by destroy(): StrictMode's second flow resumes first, in the same
    // task, and settles again; a real unmount still forgets the attempt.
    if (resumed) W.setTimeout(() => clearRedirect(W), 0);
    end();
    const { type: status, ...fields } = event;
    set({ status, ...fields });
    emit(event);
  };
  const fail = (e: unknown) => finish({ type: "failed", error: toFaceKitError(e) });
  const cancelled = () => finish({ type: "cancelled" });
  const blocked = () => {
    popup = null;
    emit({ type: "popup_blocked" });
    if (typeof process !== "undefined" && process.env.NODE_ENV !== "production") {
      warn("the popup was blocked (auto mode falls back to a full-page redirect)");
    }
  };

  const onEnvelope = (env: CallbackEnvelope | null) => {
    // Only the outcome of the session we opened counts (no session: nothing counts).
    if (!env || env.sessionId !== session?.sessionId || get().status !== "open") return;
    const { sessionId, success, errorMessage } = env;
    emit({ type: "callback_received", sessionId, success, errorMessage });
    popup?.close();
    popup = null;
    if (!success) return fail(redirectError(errorMessage));
    set({ status: "verifying" });
    emit({ type: "verifying", sessionId });
    poll(false);
  };

  // `loadedAt`: when the vendor's (cross-origin) page was first seen loaded; 0 = never.
  const onClosed = (loadedAt: number) => {
    // Before the session: in auto mode, within 250 ms of opening, a blocker closed it, not a user.
    if (!session) return mode === "auto" && Date.now() - openedAt < 250 ? blocked() : cancelled();
    // The user closed it; the result may still have landed: one last look.
    if (loadedAt && Date.now() - loadedAt >= severWindowMs) return poll(true);
    // COOP severed it: keep listening and polling until the deadline, then one last look.
    set({ detached: true });
    emit({ type: "popup_detached", sessionId: session.sessionId });
    const W = w();
    const id = W.setTimeout(() => poll(true), options.detachedTimeoutMs ?? 6e5);
    offs.push(() => W.clearTimeout(id));
  };

  const start = (W: T.FaceMatchWindow, s: FaceMatchSession, signal: AbortSignal) => {
    const deadline = assertOpenable(s);
    const { sessionId, url } = s;
    if (popup?.closed) onClosed(0); // cancelled (aborting `signal`) or blocked
    if (signal.aborted) return;
    session = s;
    emit({ type: "session_ready", sessionId });
    if (!popup) savePending(W, s, deadline);
    set({ status: "open", sessionId });
    if (popup) {
      popup.location.href = url;
      offs.push(listenForCallback(W, popup, onEnvelope));
      poll = startPolling(W, s, signal, options, emit, finish);
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
      if (ctrl && status !== "idle" && !detached) return popup?.focus?.();
      const signal = begin();
      const W = w();
      set({ ...idleFaceMatchSnapshot, status: "preparing" });
      if (mode !== "redirect") {
        popup = openPopup(W, name, options.popup);
        openedAt = Date.now();
        if (popup) {
          emit({ type: "popup_opened" });
          offs.push(watchPopup(W, () => popup, onClosed));
        } else {
          blocked();
          if (mode === "popup") {
            return fail(new FaceKitError("popup_blocked", "The browser blocked the popup"));
          }
        }
      }
      emit({ type: "session_requested" });
      getSession(signal)
        .then((s) => signal.aborted || start(W, s, signal))
        .catch((e: unknown) => signal.aborted || fail(e));
    },
    cancel() {
      if (ctrl) cancelled(); // an attempt is under way (a quiet resume look just stops)
    },
    resume() {
      if (destroyed || ctrl) return;
      const W = w();
      const p = readPending(W);
      if (!p) return;
      const r = readReturned(W);
      const returned = r?.sessionId === p.sessionId;
      // No outcome came back (Back button, or finished on a phone): drop it once expired.
      if (!returned && !(p.expiresAt > Date.now())) return clearRedirect(W);
      const signal = begin();
      resumed = true;
      session = { ...p, url: "" };
      poll = startPolling(W, session, signal, options, emit, finish);
      // No outcome: one quiet look, which only a `completed` answer ends (see `finish`).
      if (!returned) return poll(true);
      set({ ...idleFaceMatchSnapshot, status: "open", sessionId: p.sessionId });
      onEnvelope(r);
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
