import {
  createSelfieCompareFlow,
  idleSelfieCompareSnapshot,
  type SelfieCompareEvent,
  type SelfieCompareFlow,
  type SelfieCompareFlowOptions,
  type SelfieCompareResult,
  type SelfieCompareSnapshot,
} from "@facekit/core";
import { type DiditRoutes, diditBackend } from "./internal/diditQueries.ts";
import { type FlowAdapter, type FlowCallbacks, useFlow } from "./internal/useFlow.ts";

/**
 * Options of {@link useSelfieCompare} (and props of `<SelfieCompareUploader>`). `getGrant` and
 * `compare` replace the provider's routes (tests, stories, your own upload) and are read at call
 * time; `prepare` is read when the flow is created (on mount). `onComplete` gets the comparison
 * your backend already kept (informative); `onError` the attempt's failure (grant refused,
 * upload failed...), while slot problems go to `onEvent` only.
 * @example
 * const options: UseSelfieCompareOptions = { onComplete: (r) => next(r.status) };
 */
export interface UseSelfieCompareOptions
  extends DiditRoutes,
    FlowCallbacks<SelfieCompareEvent, SelfieCompareResult> {
  /** Default `prepareImage` from `@facekit/core`, loaded (with its worker) on first use. */
  prepare?: SelfieCompareFlowOptions["prepare"];
}

/**
 * Every key of {@link UseSelfieCompareOptions}, so `<SelfieCompareUploader>` takes them as one
 * group (completeness is checked by `hooks.test-d.ts`).
 * @example
 * const [options, div] = splitOptions(props, selfieCompareOptionKeys);
 */
export const selfieCompareOptionKeys = [
  "getGrant",
  "compare",
  "prepare",
  "onComplete",
  "onCancel",
  "onError",
  "onEvent",
] as const satisfies readonly (keyof UseSelfieCompareOptions)[];

/**
 * What {@link useSelfieCompare} returns: the snapshot and the flow's actions.
 * @example
 * const { status, slots, hasImages, submit }: UseSelfieCompareResult = useSelfieCompare();
 */
export interface UseSelfieCompareResult
  extends SelfieCompareSnapshot,
    Pick<SelfieCompareFlow, Action> {}

type Action =
  | "setFile"
  | "clear"
  | "openCamera"
  | "capture"
  | "submit"
  | "retry"
  | "cancel"
  | "reset";

const adapter: FlowAdapter<
  SelfieCompareFlow,
  UseSelfieCompareOptions,
  SelfieCompareResult,
  Action
> = {
  hook: "useSelfieCompare",
  idle: idleSelfieCompareSnapshot,
  actions: ["setFile", "clear", "openCamera", "capture", "submit", "retry", "cancel", "reset"],
  create: (context) =>
    createSelfieCompareFlow({
      ...diditBackend(context),
      prepare: context.latest.current.options.prepare,
    }),
  result: (event) => event.result,
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
  return useFlow(adapter, options, undefined, true);
}
