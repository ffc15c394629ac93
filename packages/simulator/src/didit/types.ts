/**
 * Public types of the Didit simulator: options, scenario, counters, the simulator object and the
 * session decision it serves for saved face-match requests.
 */
import type { DiditCompareBody, DiditImageReport, DiditWarning } from "@facekit/core/protocol";
import type { FailNext } from "../internal/injectFault.ts";

/** Options of `createDiditSimulator`. */
export interface DiditSimulatorOptions {
  /** Accepted `x-api-key` values. Default `[defaultDiditKey]` (`"sim_didit_key"`). */
  apiKeys?: string[];
  /**
   * Accepted sandbox `x-api-key` values: validated, then answered with a static Approved
   * payload, nothing stored, no credit spent. Default `[defaultDiditSandboxKey]`
   * (`"sim_didit_sandbox_key"`).
   */
  sandboxKeys?: string[];
  /** Clock in ms (`created_at`, rate-limit window). Default `Date.now`. */
  now?: () => number;
  /** Face Match credits at start and after `reset()`. Default 1000. */
  credits?: number;
  /** Writes (POST) allowed per key in any 60 s window. Default 300, as Didit documents. */
  rateLimitPerMinute?: number;
}

/** Behaviour switches, changed with `setScenario` or `POST /__simulator/scenario`. */
export interface DiditScenario {
  /** Added to every API response (not control routes). Default 0. */
  latencyMs: number;
  /** The next `count` API calls fail with `status`, before any state change. Default null. */
  failNext: FailNext | null;
  /** Overrides the writes-per-minute limit (null = the option, default 300). Default null. */
  rateLimitPerMinute: number | null;
  /** Credits left; each 200 face match spends one, 0 answers 403. Default: the option. */
  credits: number;
}

/** Counters of the vendor API (control routes excluded), for "nothing was sent" assertions. */
export interface DiditStats {
  /** Every API call, whatever its status. */
  requests: number;
  byPath: Record<string, number>;
  /** `POST /v3/face-match/` calls received, whatever their status. */
  faceMatchRequests: number;
  /** Face matches answered 200, by status. */
  faceMatches: { approved: number; declined: number };
  creditsSpent: number;
  creditsRemaining: number;
  /** Face matches stored as sessions (`save_api_request=true`). */
  savedRequests: number;
  /** Static Approved answers given to sandbox keys (not in `faceMatches`, no credit). */
  sandboxAnswers: number;
}

/**
 * The simulator's 200 body for a live key: Didit's, with both image reports always filled in
 * (a sandbox key's static answer has neither).
 */
export interface SimulatedCompareBody extends DiditCompareBody {
  face_match: DiditCompareBody["face_match"] & {
    user_image: Required<DiditImageReport>;
    ref_image: Required<DiditImageReport>;
  };
}

/** One face-match entry of a session decision. */
export interface DiditDecisionFaceMatch {
  status: string;
  score: number | null;
  /** Temporary URL of the user image (served by the simulator). */
  source_image: string;
  /** Temporary URL of the reference image. */
  target_image: string;
  source_image_session_id: string | null;
  warnings: DiditWarning[];
}

/** `GET /v3/session/{id}/decision/` body for a saved face-match request (fields per the notes). */
export interface DiditDecisionBody {
  session_id: string;
  session_number: number;
  session_kind: string;
  session_url: string | null;
  status: string;
  environment: string;
  workflow_id: string | null;
  features: string[];
  vendor_data: string | null;
  metadata: Record<string, unknown> | null;
  expected_details: null;
  contact_details: null;
  callback: string | null;
  id_verifications: unknown[];
  liveness_checks: unknown[];
  face_matches: DiditDecisionFaceMatch[];
  created_at: string;
}

/** A Didit fake: the API origin (`https://verification.didit.me`), scenario and inspection. */
export interface DiditSimulator {
  api: (req: Request) => Promise<Response>;
  /** The current scenario (frozen; use `setScenario` to change it). */
  readonly scenario: DiditScenario;
  /** Merges `patch` into the scenario (validated; throws `TypeError` on bad values). */
  setScenario(patch: Partial<DiditScenario>): DiditScenario;
  /** Forgets saved requests and counters; scenario and credits back to defaults. */
  reset(): void;
  stats(): DiditStats;
}
