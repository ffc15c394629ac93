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
export {
  createDiditBackendClient,
  type DiditBackendClient,
  type DiditBackendClientOptions,
} from "./createDiditBackendClient.ts";
export { createFaceMatchFlow } from "./createFaceMatchFlow.ts";
export {
  createFaceSignBackendClient,
  type FaceSignBackendClient,
} from "./createFaceSignBackendClient.ts";
export { createFaceSignFlow } from "./createFaceSignFlow.ts";
export { createSelfieCompareFlow } from "./createSelfieCompareFlow.ts";
export { type FaceKitCallbackOutcome, handleFaceKitCallback } from "./handleFaceKitCallback.ts";
export {
  idleFaceSignSnapshot,
  idleSelfieCompareSnapshot,
  idleSnapshot,
} from "./idleSnapshot.ts";
export {
  type PreparedImage,
  type PrepareImageOptions,
  prepareImage,
} from "./prepareImage.ts";
export {
  type CallbackEnvelope,
  FaceKitError,
  type FaceKitErrorCode,
  type FaceKitErrorDetails,
  type FaceMatchResult,
  type FaceMatchResultResponse,
  type FaceMatchSession,
  type FaceSignSession,
  type FaceSignStatus,
  type FaceSignStatusResponse,
  type FaceSignSummary,
  isFaceKitErrorCode,
  type SelfieCompareGrant,
  type SelfieCompareResult,
  type SelfieCompareWarning,
} from "./protocol/index.ts";
export { startCamera } from "./startCamera.ts";
export type {
  CameraHandle,
  CameraVideo,
  FaceMatchEvent,
  FaceMatchFlow,
  FaceMatchFlowOptions,
  FaceMatchMode,
  FaceMatchSnapshot,
  FaceMatchStatus,
  FaceSignEvent,
  FaceSignFlow,
  FaceSignFlowOptions,
  FaceSignFlowStatus,
  FaceSignSnapshot,
  FaceSignWindow,
  FlowPopup,
  FlowWindow,
  SelfieCompareEvent,
  SelfieCompareFlow,
  SelfieCompareFlowOptions,
  SelfieCompareImages,
  SelfieCompareSlot,
  SelfieCompareSlotState,
  SelfieCompareSnapshot,
  SelfieCompareSource,
  SelfieCompareStatus,
  SelfieCompareUploadOptions,
  SelfieCompareWindow,
  StartCameraOptions,
} from "./types.ts";
