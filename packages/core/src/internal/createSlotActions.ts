import { startCamera } from "../startCamera.ts";
import type * as T from "../types.ts";
import { toFaceKitError } from "./toFaceKitError.ts";

type Slot = T.SelfieCompareSlot;

/** What the slot actions need from their flow. */
export interface SlotContext {
  options: T.SelfieCompareFlowOptions;
  window: () => T.SelfieCompareWindow;
  getSnapshot: () => T.SelfieCompareSnapshot;
  /** Replaces a slot's state (revoking the preview it replaces). */
  setSlot: (slot: Slot, state: T.SelfieCompareSlotState) => void;
  emit: (event: T.SelfieCompareEvent) => void;
  /** True while slots may not change (uploading, destroyed). */
  locked: () => boolean;
  /** Largest prepared image the backend accepts, once a grant said so. */
  maxBytes: () => number | undefined;
}

// Loaded on first use, so the image code (and its worker) is not fetched with the page.
const prepareLazily: NonNullable<T.SelfieCompareFlowOptions["prepare"]> = (file, options) =>
  import("../prepareImage.ts").then((m) => m.prepareImage(file, options));

/**
 * The per-slot half of a selfie compare flow: picking a file (prepared off the main thread),
 * the camera (one at a time) and its capture. Each slot has at most one piece of work under way;
 * starting another, clearing the slot or `stopAll()` aborts it and stops its camera.
 * @example
 * const slots = createSlotActions(context);
 * slots.setFile("selfie", file);
 */
export function createSlotActions(ctx: SlotContext) {
  const work: Partial<Record<Slot, AbortController>> = {};
  const cameras: Partial<Record<Slot, T.CameraHandle>> = {};

  const stop = (slot: Slot) => {
    work[slot]?.abort();
    work[slot] = undefined;
    cameras[slot]?.stop();
    cameras[slot] = undefined;
  };
  const begin = (slot: Slot) => {
    stop(slot);
    const ctrl = new AbortController();
    work[slot] = ctrl;
    return ctrl.signal;
  };
  const failed = (slot: Slot, type: "image_rejected" | "camera_failed", e: unknown) => {
    const error = toFaceKitError(e);
    ctx.setSlot(slot, { status: "error", error });
    ctx.emit({ type, slot, error });
  };

  const actions = {
    stop,
    setFile(slot: Slot, file: Blob, source: "file" | "camera" = "file") {
      if (ctx.locked()) return;
      const signal = begin(slot);
      ctx.setSlot(slot, { status: "preparing", source });
      ctx.emit({ type: "image_selected", slot, source });
      (ctx.options.prepare ?? prepareLazily)(file, { maxBytes: ctx.maxBytes(), signal }).then(
        ({ blob }) => {
          if (signal.aborted) return;
          const previewUrl = ctx.window().URL.createObjectURL(blob);
          ctx.setSlot(slot, { status: "ready", source, blob, previewUrl });
          ctx.emit({ type: "image_ready", slot, bytes: blob.size });
        },
        (e: unknown) => signal.aborted || failed(slot, "image_rejected", e),
      );
    },
    clear(slot: Slot) {
      if (ctx.locked()) return;
      stop(slot);
      ctx.setSlot(slot, { status: "empty" });
    },
    openCamera(slot: Slot, video: T.CameraVideo) {
      if (ctx.locked()) return;
      const { slots } = ctx.getSnapshot();
      for (const other of ["selfie", "reference"] as const) {
        if (other !== slot && slots[other].status === "camera") actions.clear(other);
      }
      const signal = begin(slot);
      ctx.setSlot(slot, { status: "camera", isLive: false });
      const facingMode = slot === "selfie" ? "user" : "environment";
      const open = ctx.options.startCamera ?? startCamera;
      open(video, { facingMode, signal, window: ctx.window() }).then(
        (handle) => {
          if (signal.aborted) return handle.stop();
          cameras[slot] = handle;
          ctx.setSlot(slot, { status: "camera", isLive: true });
          ctx.emit({ type: "camera_started", slot });
        },
        (e: unknown) => signal.aborted || failed(slot, "camera_failed", e),
      );
    },
    capture(slot: Slot) {
      const handle = cameras[slot];
      if (ctx.locked() || !handle) return;
      cameras[slot] = undefined;
      const signal = begin(slot);
      handle.capture().then(
        (blob) => signal.aborted || actions.setFile(slot, blob, "camera"),
        (e: unknown) => signal.aborted || failed(slot, "camera_failed", e),
      );
    },
  };
  return actions;
}
