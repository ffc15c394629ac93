/**
 * `@facekit/core/protocol`: wire types of the vendors and of FaceKit's backend routes, camelCase
 * mappers, the callback message envelope and the error class. Usable anywhere (no DOM globals).
 * @example
 * import { FaceKitError, verisoulRoutes, type FaceMatchSession } from "@facekit/core/protocol";
 */

export {
  type DiditCompareBody,
  type DiditFaceEntity,
  type DiditImageReport,
  type DiditImageType,
  type DiditWarning,
  diditImageTypes,
  diditMaxImageBytes,
  sniffImageType,
  toSelfieCompareResult,
} from "./didit.ts";
export {
  type CallbackEnvelope,
  channelName,
  parseEnvelope,
  redirectErrorCode,
} from "./envelope.ts";
export {
  type ErrorBody,
  errorResponseStatus,
  errorStatus,
  FaceKitError,
  type FaceKitErrorCode,
  type FaceKitErrorDetails,
  isFaceKitErrorCode,
  toErrorBody,
} from "./errors.ts";
export { type FaceSignVerdict, toFaceSignVerdict } from "./faceSignVerdict.ts";
export {
  type FaceSignClientSecretBody,
  type FaceSignDeepfakeState,
  type FaceSignErrorBody,
  type FaceSignExposable,
  type FaceSignListBody,
  type FaceSignNode,
  type FaceSignNodeReport,
  type FaceSignNodeType,
  type FaceSignReportBody,
  type FaceSignSessionBody,
  type FaceSignSessionObject,
  type FaceSignSessionSettings,
  type FaceSignSessionStatus,
  type FaceSignSummary,
  type FaceSignVendorStatus,
  type FaceSignWebhookBody,
  toFaceSignSessionStatus,
  toFaceSignSummary,
} from "./facesign.ts";
export {
  diditRoutes,
  type FaceMatchResult,
  type FaceMatchResultRequest,
  type FaceMatchResultResponse,
  type FaceMatchSession,
  type FaceMatchSessionRequest,
  type FaceSignMintRequest,
  type FaceSignSession,
  type FaceSignSessionRequest,
  type FaceSignStatusRequest,
  type FaceSignStatusResponse,
  faceSignRoutes,
  grantHeader,
  type SelfieCompareGrant,
  type SelfieCompareResult,
  type SelfieCompareWarning,
  toFaceMatchResult,
  verisoulRoutes,
} from "./routes.ts";
export {
  type FaceMatchVerdict,
  type LinkedAccount,
  toFaceMatchVerdict,
  type VerisoulDecision,
  type VerisoulEnrollBody,
  type VerisoulEnrollError,
  type VerisoulErrorBody,
  type VerisoulMatchType,
  type VerisoulRedirectError,
  type VerisoulRiskFlag,
  type VerisoulSessionBody,
  type VerisoulVerifyError,
  type VerisoulVerifyFaceBody,
  type VerisoulVerifyIdentityBody,
  verisoulRedirectErrors,
} from "./verisoul.ts";
