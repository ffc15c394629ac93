/**
 * FaceSign wire types (as the vendor sends them) and the one place they become FaceKit's
 * client-safe summary. Source: shared vendor notes (current docs, OpenAPI 1.0.18, SDK 1.0.47).
 */
import { type FaceSignVerdict, toFaceSignVerdict } from "./faceSignVerdict.ts";

/** Session lifecycle. Current: created -> inProgress -> complete | incomplete. The rest is legacy. */
export type FaceSignVendorStatus =
  | "created"
  | "inProgress"
  | "complete"
  | "incomplete"
  | "requiresInput"
  | "processing"
  | "canceled";

/** The 13 flow node types. */
export type FaceSignNodeType =
  | "start"
  | "end"
  | "conversation"
  | "liveness_detection"
  | "face_scan"
  | "face_compare"
  | "recognition"
  | "document_scan"
  | "enter_email"
  | "two_factor_email"
  | "two_factor_sms"
  | "data_validation"
  | "permissions";

/** A flow node: `id`, `type` and type-specific fields, outcomes pointing at other node ids. */
export interface FaceSignNode {
  id: string;
  type: FaceSignNodeType;
  [field: string]: unknown;
}

/** `POST /sessions` body (`SessionSettings`). */
export interface FaceSignSessionSettings {
  /** Optional in SDK 1.0.47 (dashboard sessions lack it); FaceKit always sends the account id. */
  clientReferenceId?: string;
  metadata?: Record<string, unknown>;
  flow?: FaceSignNode[];
  /** Deprecated legacy modules; a settings echo may hold both `flow` and `modules`. */
  modules?: unknown[];
  langs?: string[];
  defaultLang?: string;
  avatarId?: string;
  providedData?: Record<string, string>;
  initialPhrase?: string;
  finalPhrase?: string;
  zone?: "es" | "eu";
  customization?: Record<string, unknown>;
  extractionSchema?: {
    fieldName: string;
    type: "string" | "number" | "boolean" | "date";
    description: string;
    enum?: string[];
  }[];
}

/** A client secret: `expireAt` is epoch milliseconds, 2 h after `createdAt`. */
export interface FaceSignClientSecretBody {
  secret: string;
  url: string;
  createdAt: number;
  expireAt: number;
}

/**
 * One visited node of a session (SDK 1.0.47 `NodeReport`): `outcome` is the node's outcome name
 * (a conversation's is the chosen next node id); `report` holds node-specific details.
 */
export interface FaceSignNodeReport {
  type: FaceSignNodeType | (string & {});
  nodeId: string;
  createdAt: number;
  outcome: string;
  /** `face_scan`: liveness challenge, AI liveness and face comparison results. */
  report?: {
    livenessChallengePassed?: boolean;
    aiLivenessCheckPassed?: boolean;
    compareFacesReport?: {
      isMatch: boolean;
      similarity?: number;
      sourceImageFaceFound: boolean;
      targetImageFaceFound: boolean;
      error?: string;
    };
    [field: string]: unknown;
  };
  /** `liveness_detection` with outcome `inconclusive`. */
  inconclusiveReason?: string;
  [field: string]: unknown;
}

/** Post-session deepfake analysis state (1.0.44 named the field `status`, 1.0.47 `state`). */
export type FaceSignDeepfakeState = "pending" | "succeeded" | "failed" | "timed_out";

/**
 * The report of a finished session. Every field is optional: which exist depends on the flow and
 * on the generation of the report. Today's SDK types declare `nodeReports`, `media` and
 * `deepfakeDetection*`; the older `isVerified`, `livenessDetected`, `screenshots` and `videos` are
 * still shown by the reference example. Read it through `toFaceSignVerdict`.
 */
export interface FaceSignReportBody {
  transcript?: { id: string; createdAt: number; text: string; isAvatar: boolean }[];
  aiAnalysis?: {
    ageMin?: number;
    ageMax?: number;
    sex?: "male" | "female";
    realPersonOrVirtual?: "real" | "virtual" | "noface";
    overallSummary?: string;
    analysis?: { title: string; shortDescription: string; longDescription: string }[];
  };
  location?: Record<string, unknown>;
  device?: Record<string, unknown>;
  lang?: string;
  extractedData?: Record<string, string | number | boolean | null>;
  /** Today's per-node outcomes, one per visited node. */
  nodeReports?: FaceSignNodeReport[];
  /** Today's media (URLs expire 15 minutes after they are generated). */
  media?: {
    screenshots?: unknown[];
    userVideo?: unknown;
    avatarVideo?: unknown;
    documentImages?: unknown[];
  };
  /** Verdict of the post-session deepfake analysis, once it succeeded. */
  deepfakeDetection?: {
    verdict: "authentic" | "manipulated" | "unknown";
    score?: number;
    analyzedAt?: number;
  };
  deepfakeDetectionStatus?: {
    state?: FaceSignDeepfakeState;
    /** The 1.0.44 name of `state`. */
    status?: FaceSignDeepfakeState;
    startedAt?: number;
    finishedAt?: number;
    errorCode?: string;
  };
  videoAIAnalysis?: unknown;
  videoAIAnalysisStatus?: unknown;
  /** Older report: FaceSign's own verdict. */
  isVerified?: boolean;
  /** Older report. */
  livenessDetected?: boolean;
  /** Older report. */
  screenshots?: string[];
  /** Older report. */
  videos?: { avatarVideoUrl?: string; userVideoUrl?: string };
}

/** A session object (timestamps in ms). */
export interface FaceSignSessionObject {
  id: string;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  status: FaceSignVendorStatus;
  settings: FaceSignSessionSettings;
  version?: string;
  report?: FaceSignReportBody;
}

/** `POST /sessions` and `GET /sessions/{id}` 200. */
export interface FaceSignSessionBody {
  session: FaceSignSessionObject;
  clientSecret: FaceSignClientSecretBody;
  warnings?: unknown[];
}

/** `GET /sessions` 200. */
export interface FaceSignListBody {
  sessions: FaceSignSessionObject[];
  nextCursor?: string;
  totalCount?: number;
  hasMore: boolean;
}

/** Every FaceSign error body. */
export interface FaceSignErrorBody {
  error: {
    type:
      | "authentication_error"
      | "validation_error"
      | "not_found_error"
      | "rate_limit_error"
      | "server_error"
      | (string & {});
    message: string;
    code?: string;
  };
}

/** A webhook "doorbell": refetch the session; `session.status` carries no status. */
export interface FaceSignWebhookBody {
  id: string;
  type: string;
  createdAt: number;
  sessionId: string;
  media?: { id: string; createdAt: number; url: string; expires: number; contentType: string };
}

/** FaceKit's lifecycle of a FaceSign session (legacy vendor values folded in). */
export type FaceSignSessionStatus = "created" | "inProgress" | "complete" | "incomplete";

/** Folds the legacy statuses into the current lifecycle. */
export function toFaceSignSessionStatus(
  status: FaceSignVendorStatus | string,
): FaceSignSessionStatus {
  if (status === "complete" || status === "inProgress" || status === "created") return status;
  if (status === "processing") return "inProgress";
  if (status === "requiresInput") return "created";
  return "incomplete";
}

/** Report fields a server may choose to expose to the browser beyond the default summary. */
export type FaceSignExposable =
  | "transcript"
  | "extractedData"
  | "videos"
  | "screenshots"
  /** Today's media (screenshots, user and avatar videos, document images). */
  | "media";

/** What the browser learns about a finished FaceSign session. */
export interface FaceSignSummary {
  status: FaceSignSessionStatus;
  /**
   * FaceKit's verdict (see `toFaceSignVerdict`), from whichever report shape FaceSign sent:
   * `pending` while the session runs or its deepfake analysis is still going.
   */
  verdict: FaceSignVerdict["outcome"];
  /** `verdict` as a boolean: null while `pending`. */
  isVerified: boolean | null;
  livenessDetected: boolean | null;
  lang: string | null;
  aiAnalysis: {
    ageMin: number | null;
    ageMax: number | null;
    realPersonOrVirtual: "real" | "virtual" | "noface" | null;
    overallSummary: string | null;
  } | null;
  transcript?: FaceSignReportBody["transcript"];
  extractedData?: FaceSignReportBody["extractedData"];
  videos?: FaceSignReportBody["videos"];
  screenshots?: FaceSignReportBody["screenshots"];
  media?: FaceSignReportBody["media"];
}

/** Builds the client-safe summary; only the `expose`d extra fields are copied. */
export function toFaceSignSummary(
  session: FaceSignSessionObject,
  expose: readonly FaceSignExposable[] = [],
): FaceSignSummary {
  const report = session.report ?? {};
  const ai = report.aiAnalysis;
  const verdict = toFaceSignVerdict(session);
  const summary: FaceSignSummary = {
    status: toFaceSignSessionStatus(session.status),
    verdict: verdict.outcome,
    isVerified: verdict.outcome === "pending" ? null : verdict.outcome === "verified",
    livenessDetected: verdict.livenessDetected,
    lang: report.lang ?? null,
    aiAnalysis: ai
      ? {
          ageMin: ai.ageMin ?? null,
          ageMax: ai.ageMax ?? null,
          realPersonOrVirtual: ai.realPersonOrVirtual ?? null,
          overallSummary: ai.overallSummary ?? null,
        }
      : null,
  };
  for (const field of expose) {
    if (report[field] !== undefined) Object.assign(summary, { [field]: report[field] });
  }
  return summary;
}
