import {
  createSelfieCompareFlow,
  type FaceKitError,
  idleSelfieCompareSnapshot,
  type SelfieCompareEvent,
  type SelfieCompareFlow,
  type SelfieCompareFlowOptions,
  type SelfieCompareResult,
  type SelfieCompareSnapshot,
} from "@facekit/core";
import { useId, useState, useSyncExternalStore } from "react";
import { type DiditRoutes, diditBackend } from "./internal/diditQueries.ts";
import { useFaceKit } from "./internal/FaceKitContext.ts";
import { useCommitEffect } from "./internal/useCommitEffect.ts";
import { useLatest } from "./internal/useLatest.ts";

/**
 * Options of {@link useSelfieCompare} (and props of `<SelfieCompareUploader>`). `getGrant` and
 * `compare` replace the provider's routes (tests, stories, your own upload) and are read at call
 * time; `prepare` is read when the flow is created (on mount).
 * @example
 * const options: UseSelfieCompareOptions = { onComplete: (r) => next(r.status) };
 */
export interface UseSelfieCompareOptions extends DiditRoutes {
  /** Default `prepareImage` from `@facekit/core`, loaded (with its worker) on first use. */
  prepare?: SelfieCompareFlowOptions["prepare"];
  /** The comparison from your backend. Informative: your backend already kept it. */
  onComplete?: (result: SelfieCompareResult) => void;
  /** The upload was cancelled (`cancel()`). */
  onCancel?: () => void;
  /** The attempt failed (grant refused, upload failed...). Slot problems go to `onEvent` only. */
  onError?: (error: FaceKitError) => void;
  onEvent?: (event: SelfieCompareEvent) => void;
}

/**
 * What {@link useSelfieCompare} returns: the snapshot and the flow's actions.
 * @example
 * const { status, slots, hasImages, submit }: UseSelfieCompareResult = useSelfieCompare();
 */
export interface UseSelfieCompareResult
  extends SelfieCompareSnapshot,
    Pick<
      SelfieCompareFlow,
      "setFile" | "clear" | "openCamera" | "capture" | "submit" | "retry" | "cancel"
    > {}

const noop = () => {};
// Stands in until the commit effect has created the flow (and during server rendering).
const inert: Omit<SelfieCompareFlow, "start" | "destroy" | "on"> = {
  subscribe: () => noop,
  getSnapshot: () => idleSelfieCompareSnapshot,
  setFile: noop,
  clear: noop,
  openCamera: noop,
  capture: noop,
  submit: noop,
  retry: noop,
  cancel: noop,
};

/**
 * Didit's selfie compare as a hook; `<SelfieCompareUploader>` is this plus one `<div>`. Asks for
 * the first grant on mount (to learn whether a reference photo is needed); on unmount stops the
 * cameras, aborts the upload and revokes the previews' object URLs.
 * @example
 * const face = useSelfieCompare({ onComplete: (result) => next(result) });
 * <input type="file" onChange={(e) => face.setFile("selfie", e.target.files[0])} />
 * <button disabled={!face.hasImages} onClick={face.submit}>Compare</button>
 */
export function useSelfieCompare(options: UseSelfieCompareOptions = {}): UseSelfieCompareResult {
  const kit = useFaceKit("useSelfieCompare");
  const latest = useLatest({ options, kit });
  const id = useId();
  const [flow, setFlow] = useState(inert);

  useCommitEffect(() => {
    const f = createSelfieCompareFlow({
      ...diditBackend(
        id,
        () => latest.current.kit,
        () => latest.current.options,
      ),
      prepare: latest.current.options.prepare,
    });
    f.on((e) => {
      const o = latest.current.options;
      o.onEvent?.(e);
      if (e.type === "completed") o.onComplete?.(e.result);
      else if (e.type === "cancelled") o.onCancel?.();
      else if (e.type === "failed") o.onError?.(e.error);
    });
    setFlow(f);
    f.start();
    return f.destroy;
  }, [id]);

  const snapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot, inert.getSnapshot);
  const { setFile, clear, openCamera, capture, submit, retry, cancel } = flow;
  return { ...snapshot, setFile, clear, openCamera, capture, submit, retry, cancel };
}
