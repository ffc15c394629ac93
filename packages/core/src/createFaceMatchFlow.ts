/**
 * The Verisoul Face Match flow: a small state machine that opens the hosted page in a popup (or
 * redirects), waits for the callback page's envelope or for the backend to report a result, and
 * takes the verdict only from the backend. See docs/decisions/0001-verisoul-flow.md.
 */

import { assertOpenable } from "./internal/assertOpenable.ts";
import { createStore } from "./internal/createStore.ts";
import { isDev, warn } from "./internal/dev.ts";
import { listenForCallback } from "./internal/listenForCallback.ts";
import { openPopup } from "./internal/openPopup.ts";
import { clearRedirect, readPending, readReturned, savePending } from "./internal/redirectStore.ts";
import { toFaceKitError } from "./internal/toFaceKitError.ts";
import { watchPopup } from "./internal/watchPopup.ts";
import {
  type CallbackEnvelope,
  FaceKitError,
  type FaceMatchSession,
  redirectErrorCode,
} from "./protocol/index.ts";
import type {
  FaceMatchEvent,
  FaceMatchFlow,
  FaceMatchFlowOptions,
  FaceMatchSnapshot,
  FlowPopup,
  FlowWindow,
} from "./types.ts";

/**
 * The snapshot of a flow that has not started.
 * @example
 * useSyncExternalStore(flow.subscribe, flow.getSnapshot, () => idleSnapshot);
 */
export const idleSnapshot: FaceMatchSnapshot = {
  status: "idle",
  result: null,
  error: null,
  sessionId: null,
  detached: false,
};

/**
 * Creates a flow. Nothing happens until `open()` or `resume()`.
 * @example
 * const backend = createBackendClient({ endpoint: "/api/facekit" });
 * const flow = createFaceMatchFlow({
 *   getSession: (signal) => backend.mintFaceMatchSession(signal),
 *   getResult: (session, signal) => backend.getFaceMatchResult(session.token, signal),
 * });
 * button.addEventListener("click", () => flow.open());
 */
export function createFaceMatchFlow(options: FaceMatchFlowOptions): FaceMatchFlow {
  const {
    getSession,
    getResult,
    mode = "auto",
    pollIntervalMs: base = 3000,
    severWindowMs = 3000,
  } = options;
  const { get, set, emit, subscribe, on, clear } = createStore<FaceMatchSnapshot, FaceMatchEvent>(
    idleSnapshot,
  );
  const w = (): FlowWindow => options.window ?? window;
  // The current attempt. Aborting `ctrl` ends it: late answers check their signal and stop.
  let ctrl: AbortController | undefined;
  let popup: FlowPopup | null = null;
  let session: FaceMatchSession | undefined;
  let offs: (() => void)[] = [];
  let timer: number | undefined;
  let navigatedAt = 0;
  let delay = base;
  let polls = 0;
  let failures = 0;
  let busy = false; // a result request is in flight
  let again = false; // ...and the next one should follow at once
  let closing = false; // the user closed the popup: one last look, then cancelled
  let resumed = false; // came back from a redirect: storage is cleared once settled
  let destroyed = false;

  const begin = () => {
    end();
    ctrl = new AbortController();
    delay = base;
    polls = failures = navigatedAt = 0;
    busy = again = closing = resumed = false;
    return ctrl.signal;
  };
  const end = () => {
    if (!ctrl) return;
    ctrl.abort();
    ctrl = session = undefined;
    w().clearTimeout(timer);
    for (const off of offs) off();
    offs = [];
    popup?.close(); // a no-op when the user already closed it
    popup = null;
  };
  // The final event carries what the snapshot takes: its `type` becomes the `status`.
  const finish = (
    event: Extract<FaceMatchEvent, { type: "completed" | "cancelled" | "failed" }>,
  ) => {
    if (resumed) clearRedirect(w());
    end();
    const { type: status, ...fields } = event;
    set({ status, ...fields });
    emit(event);
  };
  const fail = (e: unknown) => finish({ type: "failed", error: toFaceKitError(e) });
  const cancelled = () => finish({ type: "cancelled" });

  const schedule = (ms: number) => {
    w().clearTimeout(timer);
    timer = w().setTimeout(check, ms);
  };
  const backoff = () => {
    schedule(again ? 0 : delay);
    delay = Math.min(delay * 1.5, 15000);
  };
  const check = (): void => {
    const signal = ctrl?.signal;
    const s = session;
    if (!signal || !s) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    again = false;
    emit({ type: "poll", sessionId: s.sessionId, attempt: ++polls });
    getResult(s, signal).then(
      (res) => {
        if (signal.aborted) return;
        busy = false;
        failures = 0;
        if (res.status === "completed") finish({ type: "completed", result: res.result });
        else if (closing) cancelled();
        else backoff();
      },
      (e: unknown) => {
        if (signal.aborted) return;
        busy = false;
        const error = toFaceKitError(e);
        const { code, retryAfter } = error;
        if (closing) cancelled();
        else if (code === "rate_limited" && retryAfter) schedule(retryAfter * 1000);
        else if (
          code === "rate_limited" ||
          ((code === "network" || code === "vendor_unavailable") && ++failures < 4)
        ) {
          backoff();
        } else fail(error);
      },
    );
  };

  const onEnvelope = (env: CallbackEnvelope | null) => {
    // Only the outcome of the session we opened counts (no session: nothing counts).
    if (!env || env.sessionId !== session?.sessionId || get().status !== "open") return;
    const { sessionId: id, success, errorMessage } = env;
    emit({ type: "callback_received", sessionId: id, success, errorMessage });
    popup?.close();
    popup = null;
    if (!success) {
      const message = `Verification ended: ${errorMessage ?? "no reason given"}`;
      return fail(
        new FaceKitError(redirectErrorCode(errorMessage), message, { vendorCode: errorMessage }),
      );
    }
    closing = false;
    delay = base;
    set({ status: "verifying" });
    emit({ type: "verifying", sessionId: id });
    check();
  };

  const onClosed = () => {
    if (!session) cancelled();
    else if (navigatedAt && Date.now() - navigatedAt < severWindowMs) {
      // COOP severed the popup right after it navigated: keep listening and polling.
      set({ detached: true });
      emit({ type: "popup_detached", sessionId: session.sessionId });
    } else {
      // Closed by the user; the result may still have landed (hand-off, message race).
      closing = true;
      check();
    }
  };

  const start = (W: FlowWindow, s: FaceMatchSession) => {
    assertOpenable(s);
    const { sessionId, url } = s;
    const p = popup;
    if (p?.closed) return cancelled();
    session = s;
    emit({ type: "session_ready", sessionId });
    if (p) {
      p.location.href = url;
      navigatedAt = Date.now();
      offs.push(listenForCallback(W, options.callbackOrigin ?? W.location.origin, p, onEnvelope));
      set({ status: "open", sessionId });
      return backoff();
    }
    savePending(W, s);
    set({ status: "open", sessionId });
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
      if (status === "preparing" || status === "verifying") return;
      if (status === "open" && !detached && popup) return popup.focus?.();
      const signal = begin();
      const W = w();
      set({ ...idleSnapshot, status: "preparing" });
      if (mode !== "redirect") {
        popup = openPopup(W, options.popup);
        if (popup) {
          emit({ type: "popup_opened" });
          offs.push(watchPopup(W, () => !!popup?.closed, onClosed));
        } else {
          emit({ type: "popup_blocked" });
          if (mode === "popup") {
            return fail(new FaceKitError("popup_blocked", "The browser blocked the popup"));
          }
          if (isDev) warn("the popup was blocked; falling back to a full-page redirect");
        }
      }
      emit({ type: "session_requested" });
      getSession(signal)
        .then((s) => signal.aborted || start(W, s))
        .catch((e: unknown) => signal.aborted || fail(e));
    },
    cancel() {
      const { status } = get();
      if (status === "preparing" || status === "open" || status === "verifying") cancelled();
    },
    resume() {
      if (destroyed || ctrl) return;
      const W = w();
      const p = readPending(W);
      const r = readReturned(W);
      if (!p || r?.sessionId !== p.sessionId) return;
      begin();
      resumed = true;
      const { sessionId, token, expiresAt } = p;
      session = { sessionId, token, expiresAt, url: "" };
      set({ ...idleSnapshot, status: "open", sessionId });
      onEnvelope(r);
    },
    reset() {
      end();
      set(idleSnapshot);
    },
    destroy() {
      destroyed = true;
      end();
      clear();
    },
  };
}
