import type { FaceMatchSnapshot, FaceSignSnapshot } from "./types.ts";

/**
 * The snapshot of a flow that has not started. Frozen: every flow and hook shares it.
 * @example
 * useSyncExternalStore(flow.subscribe, flow.getSnapshot, () => idleSnapshot);
 */
export const idleSnapshot: FaceMatchSnapshot = Object.freeze({
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
export const idleFaceSignSnapshot: FaceSignSnapshot = Object.freeze({
  status: "idle",
  session: null,
  summary: null,
  error: null,
});
