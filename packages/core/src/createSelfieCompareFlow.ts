/**
 * Didit's selfie compare in the browser: two image slots (the reference only when the backend
 * does not hold it), each filled from a file or the camera and prepared off the main thread, then
 * one upload with a fresh single-use grant. The first grant is fetched by `open()`, because only
 * the backend knows whether it holds the reference photo; it is kept for the first upload while it
 * is good for another 30 s. Every later attempt asks for a new one (the backend spends a grant
 * even on a failed upload).
 */
import { idleSelfieCompareSnapshot } from "./idleSnapshots.ts";
import { createSlotActions } from "./internal/createSlotActions.ts";
import { createStore } from "./internal/createStore.ts";
import { toFaceKitError } from "./internal/toFaceKitError.ts";
import type { SelfieCompareGrant } from "./protocol/index.ts";
import type * as T from "./types.ts";

type Slot = T.SelfieCompareSlot;
const slotNames: Slot[] = ["selfie", "reference"];

/**
 * Creates a selfie compare flow. Nothing happens until `open()`.
 * @example
 * const didit = createDiditBackendClient({ endpoint: "/api/facekit" });
 * const flow = createSelfieCompareFlow({
 *   getGrant: (signal) => didit.getGrant(signal),
 *   compare: (grant, images, upload) => didit.compare(grant, images, upload),
 * });
 * flow.on((e) => e.type === "completed" && show(e.result.status));
 * flow.open();
 * input.onchange = () => flow.setFile("selfie", input.files[0]);
 * button.onclick = () => flow.submit();
 */
export function createSelfieCompareFlow(options: T.SelfieCompareFlowOptions): T.SelfieCompareFlow {
  const store = createStore<T.SelfieCompareSnapshot, T.SelfieCompareEvent>(
    idleSelfieCompareSnapshot,
  );
  const { get, set, emit } = store;
  const W = () => options.window ?? window;
  let destroyed = false;
  let probe: AbortController | undefined;
  let upload: AbortController | undefined;
  let spare: SelfieCompareGrant | undefined;
  let maxBytes: number | undefined;

  /** Applies `patch` and derives `status` and `hasImages` from the slots (not while uploading). */
  const settle = (patch: Partial<T.SelfieCompareSnapshot>) => {
    const s = { ...get(), ...patch };
    const need = s.reference === "upload" ? slotNames : ["selfie" as const];
    const hasImages = !!s.reference && need.every((n) => s.slots[n].status === "ready");
    // A first grant that failed keeps `failed` (and its Try again) until it is asked for again.
    const stuck = !s.reference && s.status === "failed";
    const status = upload
      ? "uploading"
      : stuck
        ? "failed"
        : hasImages
          ? "ready"
          : need.some((n) => s.slots[n].status === "preparing")
            ? "preparing"
            : "idle";
    set({ ...patch, hasImages, status, result: null, error: stuck ? s.error : null });
  };
  const setSlot = (slot: Slot, state: T.SelfieCompareSlotState) => {
    const { slots } = get();
    const old = slots[slot];
    if (old.status === "ready") W().URL.revokeObjectURL(old.previewUrl);
    settle({ slots: { ...slots, [slot]: state } });
  };
  const grant = (signal: AbortSignal) => {
    emit({ type: "grant_requested" });
    return options.getGrant(signal).then((g) => {
      maxBytes = g.maxBytes;
      return g;
    });
  };
  const fail = (e: unknown) => {
    upload = undefined;
    const error = toFaceKitError(e);
    set({ status: "failed", error, progress: 0 });
    emit({ type: "failed", error });
  };
  /** Aborts the upload (quietly), stops the cameras and revokes the previews' object URLs. */
  const release = () => {
    upload?.abort();
    upload = undefined;
    for (const slot of slotNames) {
      slots.stop(slot);
      const state = get().slots[slot];
      if (state.status === "ready") W().URL.revokeObjectURL(state.previewUrl);
    }
  };
  // Slots stay as they are while an upload is under way (and once destroyed).
  const locked = () => destroyed || !!upload;
  const slots = createSlotActions({
    options,
    window: W,
    getSnapshot: get,
    setSlot,
    emit,
    locked,
    maxBytes: () => maxBytes,
  });

  const flow: T.SelfieCompareFlow = {
    subscribe: store.subscribe,
    getSnapshot: get,
    on: store.on,
    open() {
      if (destroyed || probe || get().reference) return;
      const ctrl = new AbortController();
      probe = ctrl;
      settle({ status: "idle" });
      grant(ctrl.signal).then(
        (g) => {
          if (ctrl.signal.aborted) return;
          spare = g;
          settle({ reference: g.reference });
          emit({ type: "grant_ready", reference: g.reference });
        },
        (e: unknown) => {
          if (ctrl.signal.aborted) return;
          probe = undefined;
          fail(e);
        },
      );
    },
    setFile: slots.setFile,
    clear: slots.clear,
    openCamera: slots.openCamera,
    capture: slots.capture,
    submit() {
      const s = get();
      if (locked() || !s.hasImages) return;
      const ctrl = new AbortController();
      upload = ctrl;
      const { signal } = ctrl;
      const blobOf = (slot: Slot) => {
        const state = s.slots[slot];
        return state.status === "ready" ? state.blob : undefined;
      };
      const images = { selfie: blobOf("selfie") as Blob, reference: blobOf("reference") };
      let reported = 0;
      const onProgress = (p: number) => {
        if (signal.aborted) return;
        set({ progress: Math.round(p * 100) / 100 });
        if (p >= 1 ? reported < 1 : p - reported >= 0.1) {
          reported = p;
          emit({ type: "upload_progress", progress: p });
        }
      };
      set({ status: "uploading", progress: 0, result: null, error: null });
      const fresh = spare && spare.expiresAt - 30_000 > Date.now() ? spare : undefined;
      spare = undefined;
      (fresh ? Promise.resolve(fresh) : grant(signal))
        .then((g) => {
          if (signal.aborted) return;
          if (g.reference === "upload" && !images.reference) {
            // The backend no longer holds the reference: ask for one, keeping the grant.
            upload = undefined;
            spare = g;
            return settle({ reference: "upload", progress: 0 });
          }
          emit({ type: "upload_started" });
          return options.compare(g, images, { signal, onProgress }).then((result) => {
            if (signal.aborted) return;
            upload = undefined;
            set({ status: "completed", result, progress: 1 });
            emit({ type: "completed", result });
          });
        })
        .catch((e: unknown) => signal.aborted || fail(e));
    },
    retry() {
      if (get().reference) flow.submit();
      else flow.open();
    },
    cancel() {
      // Once every byte is sent the backend is already asking Didit (a paid call): too late.
      if (!upload || destroyed || get().progress >= 1) return;
      upload.abort();
      upload = undefined;
      set({ status: "cancelled", progress: 0 });
      emit({ type: "cancelled" });
    },
    reset() {
      if (destroyed) return;
      release();
      const { reference } = get();
      if (!reference) {
        probe?.abort(); // a first grant still to come (or failed): `open()` asks again
        probe = undefined;
      }
      set({ ...idleSelfieCompareSnapshot, reference });
    },
    destroy() {
      destroyed = true;
      probe?.abort();
      release();
      store.clear();
    },
  };
  return flow;
}
