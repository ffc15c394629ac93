/**
 * `@facekit/core`: the framework-free flow engine. Safe to import during SSR: nothing touches
 * `window` until a flow is opened.
 * @example
 * import { createBackendClient, createFaceMatchFlow } from "@facekit/core";
 * const backend = createBackendClient({ endpoint: "/api/facekit" });
 * const flow = createFaceMatchFlow({
 *   getSession: (signal) => backend.mintFaceMatchSession(signal),
 *   getResult: (session, signal) => backend.getFaceMatchResult(session.token, signal),
 * });
 */
export {
  type BackendClient,
  type BackendClientOptions,
  createBackendClient,
} from "./createBackendClient.ts";
export { createFaceMatchFlow } from "./createFaceMatchFlow.ts";
export { type FaceKitCallbackOutcome, handleFaceKitCallback } from "./handleFaceKitCallback.ts";
export { idleSnapshot } from "./idleSnapshot.ts";
export {
  type CallbackEnvelope,
  FaceKitError,
  type FaceKitErrorCode,
  type FaceKitErrorDetails,
  type FaceMatchResult,
  type FaceMatchResultResponse,
  type FaceMatchSession,
  isFaceKitErrorCode,
} from "./protocol/index.ts";
export type {
  FaceMatchEvent,
  FaceMatchFlow,
  FaceMatchFlowOptions,
  FaceMatchMode,
  FaceMatchSnapshot,
  FaceMatchStatus,
  FlowPopup,
  FlowWindow,
} from "./types.ts";
