/**
 * The FaceSign hosted flow (iframe): mints a session through your backend, then watches its status
 * there (see internal/watchFaceSign.ts) until it is complete or incomplete. The browser never
 * decides the outcome; FaceSign's page sends no documented completion message, so the backend's
 * status is the only signal.
 */
import { idleFaceSignSnapshot } from "./idleSnapshots.ts";
import { createStore } from "./internal/createStore.ts";
import { toFaceKitError } from "./internal/toFaceKitError.ts";
import {
  defaultRefreshMarginMs,
  type WatchHooks,
  watchFaceSign,
} from "./internal/watchFaceSign.ts";
import type * as T from "./types.ts";

/**
 * Creates a FaceSign flow. Nothing happens until `open()`.
 * @example
 * const facesign = createFaceSignBackendClient({ endpoint: "/api/facekit" });
 * const flow = createFaceSignFlow({
 *   getSession: (signal) => facesign.mintFaceSignSession(signal),
 *   refresh: (id, signal) => facesign.refreshFaceSignSession(id, signal),
 *   getStatus: (request, signal) => facesign.getFaceSignStatus(request, signal),
 * });
 * flow.subscribe(() => {
 *   const { status, session } = flow.getSnapshot();
 *   if (session && (status === "ready" || status === "inProgress")) iframe.src = session.url;
 * });
 * flow.open();
 */
export function createFaceSignFlow(options: T.FaceSignFlowOptions): T.FaceSignFlow {
  const { get, set, emit, subscribe, on, clear } = createStore<T.FaceSignSnapshot, T.FaceSignEvent>(
    idleFaceSignSnapshot,
  );
  // The current attempt. Aborting `ctrl` ends it: late answers check their signal and stop.
  let ctrl: AbortController | undefined;
  let destroyed = false;

  const end = () => {
    ctrl?.abort();
    ctrl = undefined;
  };
  const finish: WatchHooks["finish"] = (event) => {
    end();
    const { type: status, ...fields } = event;
    set({ status, ...fields });
    emit(event);
  };
  const hooks: WatchHooks = {
    emit,
    finish,
    progress: (status) => set({ status: status === "created" ? "ready" : status }),
    refreshed(session) {
      set({ session });
      emit({ type: "secret_refreshed", sessionId: session.sessionId });
    },
  };

  return {
    subscribe,
    getSnapshot: get,
    on,
    open() {
      if (destroyed || ctrl) return;
      ctrl = new AbortController();
      const { signal } = ctrl;
      const W = options.window ?? window;
      set({ ...idleFaceSignSnapshot, status: "loading" });
      emit({ type: "session_requested" });
      const margin = options.refreshMarginMs ?? defaultRefreshMarginMs;
      options
        .getSession(signal)
        // A ready session handed over this close to expiry gets a new secret before it is shown.
        .then(async (given) => {
          if (given.expireAt - margin > Date.now()) return given;
          const fresh = await options.refresh(given.sessionId, signal);
          emit({ type: "secret_refreshed", sessionId: fresh.sessionId });
          return fresh;
        })
        .then((session) => {
          if (signal.aborted) return;
          set({ status: "ready", session });
          emit({ type: "session_ready", sessionId: session.sessionId });
          watchFaceSign(W, session, signal, options, hooks);
        })
        .catch(
          (e: unknown) => signal.aborted || finish({ type: "failed", error: toFaceKitError(e) }),
        );
    },
    cancel() {
      if (ctrl) finish({ type: "cancelled" });
    },
    reset() {
      end();
      set(idleFaceSignSnapshot);
    },
    destroy() {
      destroyed = true;
      end();
      clear();
    },
  };
}
