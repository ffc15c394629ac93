/**
 * The contract between FaceKit's browser packages and the developer's backend
 * (`createFaceKitHandler` from `@facekit/server`). Paths are relative to where the handler is
 * mounted, e.g. `/api/facekit`.
 */
import type { FaceSignSessionStatus, FaceSignSummary } from "./facesign.ts";
import type { FaceMatchVerdict, VerisoulDecision } from "./verisoul.ts";

/** Verisoul Face Match route paths, relative to the handler's mount point. */
export const verisoulRoutes = {
  /** POST {@link FaceMatchSessionRequest} (or no body) -> {@link FaceMatchSession}. */
  session: "verisoul/session",
  /** POST {@link FaceMatchResultRequest} -> {@link FaceMatchResultResponse}. */
  result: "verisoul/result",
} as const;

/** FaceSign route paths (a constant of their own, so Face Match bundles do not carry them). */
export const faceSignRoutes = {
  /** POST {@link FaceSignMintRequest} (or no body) -> {@link FaceSignSession}. */
  session: "facesign/session",
  /** POST {@link FaceSignSessionRequest} -> {@link FaceSignSession} (new secret, same session). */
  refresh: "facesign/refresh",
  /** POST {@link FaceSignStatusRequest} -> {@link FaceSignStatusResponse}. */
  status: "facesign/status",
  /** POST from FaceSign (signed webhook), never from the browser. */
  webhook: "facesign/webhook",
} as const;

/** Didit selfie-compare route paths (their own constant, like {@link faceSignRoutes}). */
export const diditRoutes = {
  /** POST, no body needed -> {@link SelfieCompareGrant}. */
  grant: "didit/grant",
  /**
   * POST `multipart/form-data` with the grant in the {@link grantHeader} header: `selfie` (file)
   * and, when the grant says `reference: "upload"`, `reference` (file) -> {@link SelfieCompareResult}.
   */
  compare: "didit/compare",
} as const;

/** Request header that carries a {@link SelfieCompareGrant} token to the compare route. */
export const grantHeader = "x-facekit-grant";

/**
 * Permission for one upload to the compare route: signed, bound to the signed-in account, valid
 * until `expiresAt` and for one use only. The limits are what the backend will accept.
 */
export interface SelfieCompareGrant {
  /** Opaque, signed; send it in the {@link grantHeader} header. */
  token: string;
  /** Epoch milliseconds after which the backend refuses it. */
  expiresAt: number;
  /** Largest accepted file, in bytes, per image. */
  maxBytes: number;
  /** Accepted image types (MIME), checked on the bytes, not the name. */
  types: string[];
  /** `upload`: the browser sends a reference photo too. `server`: the backend holds it. */
  reference: "upload" | "server";
}

/** One warning of a comparison: Didit's code (e.g. `LOW_FACE_MATCH_SIMILARITY`) and its words. */
export interface SelfieCompareWarning {
  code: string;
  message: string;
}

/**
 * What the backend reports to the browser for one comparison. Informative: the backend already
 * kept it (`onResult` of `@facekit/server`). `review` is any status Didit adds beyond the two.
 * @example
 * if (result.status === "approved") next(); else explain(result.warnings);
 */
export interface SelfieCompareResult {
  requestId: string;
  status: "approved" | "declined" | "review";
  /** 0-100, or `null` when no face pair could be scored. */
  score: number | null;
  warnings: SelfieCompareWarning[];
  /** Faces found in each image; `null` when Didit's answer did not list them (not promised). */
  faces: { selfie: number | null; reference: number | null };
}

/**
 * A Verisoul session minted by your backend for one attempt. Use it once, before `expiresAt`.
 * `token` binds the session to the signed-in account; the backend checks it on every result call.
 */
export interface FaceMatchSession {
  sessionId: string;
  /**
   * The hosted capture URL, built by the server with its configured `redirect_url`, and as `lng`
   * the requested `locale` when the server allows it, else its configured one.
   */
  url: string;
  /** Epoch milliseconds after which the session must not be opened. */
  expiresAt: number;
  /** Opaque, signed; send it back to the result route. */
  token: string;
}

/**
 * Body of the Face Match session route; every field optional. The server stays the authority: it
 * maps `locale` to a language its config allows and ignores anything else.
 */
export interface FaceMatchSessionRequest {
  /** The user's language (BCP 47, e.g. `es`, `fr-CA`), for the hosted flow's `lng`. */
  locale?: string;
  /** Id of the user's current Verisoul platform session, when the app runs Verisoul's SDK. */
  referringSessionId?: string;
}

/** Body of the result route. */
export interface FaceMatchResultRequest {
  token: string;
}

/**
 * The verified outcome the backend reports to the browser for a session. Informative only: your
 * backend already kept the decision (`onResult` of `@facekit/server`). Other people's account ids
 * never reach the browser; `linkedAccounts` is just how many there are.
 * @example
 * if (result.decision !== "Real" || result.linkedAccounts > 0) showManualReviewNotice();
 */
export interface FaceMatchResult {
  sessionId: string;
  decision: VerisoulDecision;
  /** 0-1, higher is riskier. */
  riskScore: number;
  riskFlags: string[];
  /** How many other accounts this face links to (1:N uniqueness); the signed-in one never counts. */
  linkedAccounts: number;
  /** 1:1 authentication against the signed-in account; present when the server enables it. */
  match?: boolean;
  /** Whether the face is now enrolled under the signed-in account; present when enrolment is on. */
  enrolled?: boolean;
}

/** Result route answer: still in progress, or done. Failures come as an error body. */
export type FaceMatchResultResponse =
  | { status: "pending" }
  | { status: "completed"; result: FaceMatchResult };

/**
 * The browser's view of a server-side verdict: the same fields, except that linked accounts become
 * a count. A fresh object with only these fields, so nothing else a verdict carries leaks.
 * @example
 * return Response.json({ status: "completed", result: toFaceMatchResult(verdict) });
 */
export function toFaceMatchResult(verdict: FaceMatchVerdict): FaceMatchResult {
  const result: FaceMatchResult = {
    sessionId: verdict.sessionId,
    decision: verdict.decision,
    riskScore: verdict.riskScore,
    riskFlags: [...verdict.riskFlags],
    linkedAccounts: verdict.accountsLinked.length,
  };
  if (verdict.match !== undefined) result.match = verdict.match;
  if (verdict.enrolled !== undefined) result.enrolled = verdict.enrolled;
  return result;
}

/**
 * A FaceSign session created by your backend: embed `url` (it carries the client secret) before
 * `expireAt` (epoch ms); ask the refresh route for a new secret for the same session.
 */
export interface FaceSignSession {
  sessionId: string;
  clientSecret: string;
  url: string;
  expireAt: number;
}

/**
 * Body of the FaceSign session route; every field optional. The server maps `locale` to one of its
 * configured `langs` (or ignores it) and makes it the session's language.
 */
export interface FaceSignMintRequest {
  /** The user's language (BCP 47, e.g. `es`, `fr-CA`). */
  locale?: string;
}

/** Body of the FaceSign refresh and status routes. */
export interface FaceSignSessionRequest {
  sessionId: string;
}

/** Body of the FaceSign status route: the session, and the client secret the browser holds. */
export interface FaceSignStatusRequest extends FaceSignSessionRequest {
  /** Sent while the user has not begun, so the backend can say whether it still works. */
  clientSecret?: string;
}

/** Status route answer: the status, and the client-safe summary once the session has ended. */
export interface FaceSignStatusResponse {
  sessionId: string;
  status: FaceSignSessionStatus;
  /**
   * Only while `created` and when the request carried `clientSecret`: `false` when FaceSign would
   * refuse it (replaced by a refresh, or expired). Ask the refresh route for a new one.
   */
  secretValid?: boolean;
  summary?: FaceSignSummary;
}
