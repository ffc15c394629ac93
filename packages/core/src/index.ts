/**
 * `@facekit/core`: the framework-free flow engine. Safe to import during SSR: nothing touches
 * `window` until a flow is opened.
 * @example
 * import { createVerisoulBackendClient, createFaceMatchFlow } from "@facekit/core";
 * const backend = createVerisoulBackendClient({ endpoint: "/api/facekit" });
 * const flow = createFaceMatchFlow({
 *   getSession: (signal) => backend.mintFaceMatchSession(signal),
 *   getResult: (session, signal) => backend.getFaceMatchResult(session.token, signal),
 * });
 */

export { type BackendPost, createBackendPost } from "./createBackendPost.ts";
export {
  createDiditBackendClient,
  type DiditBackendClient,
  type DiditBackendClientOptions,
} from "./createDiditBackendClient.ts";
export { createFaceMatchFlow } from "./createFaceMatchFlow.ts";
export {
  createFaceSignBackendClient,
  type FaceSignBackendClient,
  faceSignBackendClient,
} from "./createFaceSignBackendClient.ts";
export { createFaceSignFlow } from "./createFaceSignFlow.ts";
export { createSelfieCompareFlow } from "./createSelfieCompareFlow.ts";
export {
  createVerisoulBackendClient,
  type VerisoulBackendClient,
} from "./createVerisoulBackendClient.ts";
export { type FaceKitCallbackOutcome, handleFaceKitCallback } from "./handleFaceKitCallback.ts";
export {
  idleFaceMatchSnapshot,
  idleFaceSignSnapshot,
  idleSelfieCompareSnapshot,
} from "./idleSnapshots.ts";
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
  type FaceSignSessionStatus,
  type FaceSignStatusResponse,
  type FaceSignSummary,
  isFaceKitErrorCode,
  type SelfieCompareGrant,
  type SelfieCompareResult,
  type SelfieCompareWarning,
} from "./protocol/index.ts";
export { startCamera } from "./startCamera.ts";
export type {
  BackendClientOptions,
  CameraHandle,
  CameraVideo,
  FaceKitFlow,
  FaceMatchEvent,
  FaceMatchFlow,
  FaceMatchFlowOptions,
  FaceMatchMode,
  FaceMatchPopup,
  FaceMatchSnapshot,
  FaceMatchStatus,
  FaceMatchWindow,
  FaceSignEvent,
  FaceSignFlow,
  FaceSignFlowOptions,
  FaceSignSnapshot,
  FaceSignStatus,
  FaceSignWindow,
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
