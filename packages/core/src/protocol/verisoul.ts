/**
 * Verisoul Face Match wire types (snake_case, as the vendor sends them) and the one place they
 * become FaceKit's camelCase shapes. Source: shared vendor notes, OpenAPI v1.0.0.
 */

/** `GET /liveness/session` 200. */
export interface VerisoulSessionBody {
  request_id: string;
  session_id: string;
}

/** 400 envelope of every Verisoul Face Match endpoint. */
export interface VerisoulErrorBody {
  request_id?: string;
  success: false;
  error: string;
}

/** Error strings of `/liveness/verify-face` (verify-identity adds `account_not_found`). */
export type VerisoulVerifyError =
  | "session_not_found"
  | "session_not_started"
  | "session_not_valid_for_this_endpoint"
  | "session_not_complete"
  | "liveness_check_failed"
  | "id_scan_not_complete"
  | "id_scan_failed";

/** Error strings of `/liveness/enroll`. */
export type VerisoulEnrollError =
  | VerisoulVerifyError
  | "session_already_tied_to_an_account"
  | "session_older_than_30_days";

/** `error_message` the hosted flow appends to `redirect_url` when `success=false`. */
export type VerisoulRedirectError =
  | "invalid_session_id"
  | "session_id_not_found"
  | "failed_to_get_camera_permission"
  | "failed_to_complete_face_scan"
  | "liveness_check_failed";

/** Every documented hosted-flow `error_message`, in a fixed order. */
export const verisoulRedirectErrors: readonly VerisoulRedirectError[] = [
  "invalid_session_id",
  "session_id_not_found",
  "failed_to_get_camera_permission",
  "failed_to_complete_face_scan",
  "liveness_check_failed",
];

/** Overall verdict of verify-face. */
export type VerisoulDecision = "Real" | "Suspicious" | "Fake";

/** Documented risk flags. Unknown future flags still arrive as plain strings. */
export type VerisoulRiskFlag =
  | "high_device_risk"
  | "proxy_detected"
  | "vpn_detected"
  | "datacenter_detected"
  | "recent_fraud_ip"
  | "impossible_travel_detected"
  | "repeat_face"
  | "repeat_device"
  | "different_device_type_same_category"
  | "same_device_type_different_ip"
  | "referring_ip_mismatch"
  | "referring_user_agent_mismatch"
  | "potential_link_sharing";

/** How a linked account matched. Types Verisoul adds later arrive as plain strings. */
export type VerisoulMatchType =
  | "face"
  | "ip_address"
  | "browser"
  | "document_number"
  | "document_name"
  | (string & {});

/** `POST /liveness/verify-face` 200 (every field optional in the spec). */
export interface VerisoulVerifyFaceBody {
  metadata?: {
    project_id?: string;
    session_id?: string;
    request_id?: string;
    account_id?: string | null;
    referring_session_id?: string | null;
    timestamp?: string;
  };
  /** A value Verisoul adds later arrives as is; FaceKit's verdict reads it as `"Suspicious"`. */
  decision?: VerisoulDecision | (string & {});
  risk_score?: number;
  risk_flags?: string[];
  device_network_signals?: Record<string, number | boolean>;
  referring_session_signals?: Record<string, number | boolean>;
  photo_urls?: { face?: string };
  video_urls?: string[];
  session_data?: {
    true_country_code?: string;
    network?: { ip_address?: string; service_provider?: string; connection_type?: string };
    location?: {
      continent?: string;
      country_code?: string;
      state?: string;
      city?: string;
      zip_code?: string;
      timezone?: string;
      latitude?: number;
      longitude?: number;
    };
    browser?: {
      type?: string;
      version?: string;
      language?: string;
      user_agent?: string;
      timezone?: string;
    };
    device?: {
      category?: string;
      type?: string;
      os?: string;
      cpu_cores?: number;
      memory?: number;
      gpu?: string;
    };
  };
  matches?: {
    num_accounts_linked?: number;
    accounts_linked?: { account_id: string; match_types?: VerisoulMatchType[] }[];
  };
}

/** `POST /liveness/verify-identity` 200. */
export interface VerisoulVerifyIdentityBody {
  request_id: string;
  success: boolean;
  match: boolean;
}

/** `POST /liveness/enroll` 200. */
export interface VerisoulEnrollBody {
  request_id: string;
  success: true;
}

/** A linked account, camelCase. */
export interface LinkedAccount {
  accountId: string;
  matchTypes: VerisoulMatchType[];
}

/**
 * The verdict of one Verisoul session as the server sees it. Server-side only: `accountsLinked`
 * names other people's accounts, so the browser gets {@link FaceMatchResult} (a count) instead,
 * through `toFaceMatchResult`.
 * @example
 * const verdict = toFaceMatchVerdict(sessionId, await verisoul.verifyFace(sessionId));
 * if (verdict.accountsLinked.length > 0) await flagForReview(user.id, verdict.accountsLinked);
 */
export interface FaceMatchVerdict {
  sessionId: string;
  decision: VerisoulDecision;
  /** 0-1, higher is riskier. */
  riskScore: number;
  riskFlags: string[];
  /** Other accounts this session links to (1:N uniqueness), with how they matched. */
  accountsLinked: LinkedAccount[];
  /** 1:1 authentication against the signed-in account; present when the server enables it. */
  match?: boolean;
  /** Whether the face is now enrolled under the signed-in account; present when enrolment is on. */
  enrolled?: boolean;
}

const decisions: readonly string[] = ["Real", "Suspicious", "Fake"] satisfies VerisoulDecision[];

/**
 * Maps a verify-face body to the server-side {@link FaceMatchVerdict}. Missing fields, and a
 * decision Verisoul does not document, read as the cautious answer (`"Suspicious"`, risk 1).
 * `match` and `enrolled` are added by the caller.
 * @example
 * const verdict = toFaceMatchVerdict(sessionId, body);
 */
export function toFaceMatchVerdict(
  sessionId: string,
  body: VerisoulVerifyFaceBody,
): FaceMatchVerdict {
  return {
    sessionId,
    decision: decisions.includes(body.decision ?? "")
      ? (body.decision as VerisoulDecision)
      : "Suspicious",
    riskScore: body.risk_score ?? 1,
    riskFlags: body.risk_flags ?? [],
    accountsLinked: (body.matches?.accounts_linked ?? []).map((a) => ({
      accountId: a.account_id,
      matchTypes: a.match_types ?? [],
    })),
  };
}
