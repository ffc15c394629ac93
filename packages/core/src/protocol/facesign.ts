/**
 * FaceSign wire types (as the vendor sends them) and the one place they become FaceKit's
 * client-safe summary. Source: shared vendor notes (current docs, OpenAPI 1.0.18, SDK 1.0.44).
 */

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
  clientReferenceId: string;
  metadata?: Record<string, unknown>;
  flow?: FaceSignNode[];
  /** Deprecated; never together with `flow`. */
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

/** The report of a finished session (every field optional: node-dependent). */
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
  livenessDetected?: boolean;
  lang?: string;
  extractedData?: Record<string, string | number | boolean | null>;
  screenshots?: string[];
  videos?: { avatarVideoUrl?: string; userVideoUrl?: string };
  isVerified?: boolean;
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
export type FaceSignExposable = "transcript" | "extractedData" | "videos" | "screenshots";

/** What the browser learns about a finished FaceSign session. */
export interface FaceSignSummary {
  status: FaceSignSessionStatus;
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
}

/** Builds the client-safe summary; only the `expose`d extra fields are copied. */
export function toFaceSignSummary(
  session: FaceSignSessionObject,
  expose: readonly FaceSignExposable[] = [],
): FaceSignSummary {
  const report = session.report ?? {};
  const ai = report.aiAnalysis;
  const summary: FaceSignSummary = {
    status: toFaceSignSessionStatus(session.status),
    isVerified: report.isVerified ?? null,
    livenessDetected: report.livenessDetected ?? null,
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
