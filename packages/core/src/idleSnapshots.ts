import type { FaceMatchSnapshot, FaceSignSnapshot, SelfieCompareSnapshot } from "./types.ts";

/**
 * The snapshot of a flow that has not started. Frozen: every flow and hook shares it.
 * @example
 * useSyncExternalStore(flow.subscribe, flow.getSnapshot, () => idleFaceMatchSnapshot);
 */
export const idleFaceMatchSnapshot: FaceMatchSnapshot = /* @__PURE__ */ Object.freeze({
  status: "idle",
  result: null,
  error: null,
  sessionId: null,
  detached: false,
});

/**
 * The snapshot of a FaceSign flow that has not started. Frozen: every flow and hook shares it.
 * @example
 * useSyncExternalStore(flow.subscribe, flow.getSnapshot, () => idleFaceSignSnapshot);
 */
export const idleFaceSignSnapshot: FaceSignSnapshot = /* @__PURE__ */ Object.freeze({
  status: "idle",
  session: null,
  summary: null,
  error: null,
});

const empty = /* @__PURE__ */ Object.freeze({ status: "empty" as const });

/**
 * The snapshot of a selfie compare flow with nothing picked. Frozen: every flow and hook shares it.
 * @example
 * useSyncExternalStore(flow.subscribe, flow.getSnapshot, () => idleSelfieCompareSnapshot);
 */
export const idleSelfieCompareSnapshot: SelfieCompareSnapshot = /* @__PURE__ */ Object.freeze({
  status: "idle",
  slots: /* @__PURE__ */ Object.freeze({ selfie: empty, reference: empty }),
  reference: null,
  hasImages: false,
  progress: 0,
  result: null,
  error: null,
});
