import type { FaceMatchSnapshot } from "./types.ts";

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
