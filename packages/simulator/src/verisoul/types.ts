/**
 * Public types of the Verisoul Face Match simulator: options, scenario, the simulator object and
 * the session state it keeps.
 */
import type { VerisoulDecision, VerisoulRedirectError } from "@facekit/core/protocol";
import type { FailNext } from "../internal/injectFault.ts";

/** Options of `createVerisoulSimulator`. */
export interface VerisoulSimulatorOptions {
  /** Accepted `x-api-key` values. Default `["sim_verisoul_key"]`. */
  apiKeys?: string[];
  /** Clock in ms (token TTL, 30-day enrol window, rate-limit window). Default `Date.now`. */
  now?: () => number;
  /** Token lifetime before the hosted flow is opened. Default 15 minutes. */
  sessionTtlMs?: number;
  /** Vendor calls allowed per API key in any 60 s window, over all endpoints. Default 300. */
  rateLimitPerMinute?: number;
  /** UUID reported as `metadata.project_id`. Default: a fresh random UUID. */
  projectId?: string;
}

/** Behaviour switches, changed with `setScenario` or `POST /__simulator/scenario`. */
export interface VerisoulScenario {
  /** Added to every API and hosted-app response (not control routes). Default 0. */
  latencyMs: number;
  /** The next `count` vendor API calls fail with `status`, before any state change. Default null. */
  failNext: FailNext | null;
  /** Every not-yet-started session counts as expired. Default false. */
  expireSessions: boolean;
  /** Hosted pages send `Cross-Origin-Opener-Policy: same-origin`. Default false. */
  coop: boolean;
  /** Desktop QR hand-off: `auto` decides by User-Agent (non-mobile => hand-off). Default "never". */
  handoff: "never" | "always" | "auto";
  /** Delay before a `simulate` outcome redirects (real sandbox: about 3 s). Default 3000. */
  simulateDelayMs: number;
  /** `GET /liveness/session` answers the documented 400 `groups_enabled`. Default false. */
  groupsEnabled: boolean;
  /** Forced verify-face decision; null derives it from the risk flags. Default null. */
  decision: VerisoulDecision | null;
  /** Extra risk flags added to every verify-face. Default []. */
  riskFlags: string[];
}

/** Where a session is in its one attempt. */
export type SessionState = "created" | "started" | "completed" | "enrolled";

/** An outcome the hosted capture page offers (its buttons). */
export type CaptureOutcome =
  | "success"
  | "failed_to_get_camera_permission"
  | "failed_to_complete_face_scan"
  | "liveness_check_failed";

/**
 * A `simulate` value of `GET /liveness/session`: a free string on Verisoul's side. `success`
 * passes; any other value is a failed attempt whose hosted flow redirects with it as
 * `error_message` (the documented ones, or any other string, passed through).
 */
export type SimulateOutcome = "success" | VerisoulRedirectError | (string & {});

/** What the simulator knows about one session (a copy; changing it changes nothing). */
export interface SimulatedSession {
  id: string;
  /** `"id"` for sessions minted with `?id=true` (ID Check); face endpoints refuse those. */
  kind: "face" | "id";
  state: SessionState;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  /** How the attempt ended; null until completed. */
  outcome: SimulateOutcome | null;
  /** Which "person" was scanned (`person:alice` or a per-session unique id); null if none. */
  face: string | null;
  referringSessionId: string | null;
  /** Account the session is enrolled under. */
  accountId: string | null;
  enrolledAt: number | null;
  /** Device the capture ran on; null until the hosted page is opened. */
  device: "desktop" | "mobile" | null;
  /** `simulate` value given at creation: the hosted page completes by itself with it. */
  simulate: SimulateOutcome | null;
  /** The desktop page showed the QR hand-off, so `/phone` may continue the same attempt. */
  handoff: boolean;
  userAgent: string | null;
  /** Language the hosted page was opened with. */
  lng: string | null;
  /** Origin of the hosted app that served the session (photo and video URLs point there). */
  appOrigin: string | null;
}

/** A face enrolled under an account by `POST /liveness/enroll`. */
export interface Enrolment {
  accountId: string;
  face: string;
  sessionId: string;
  at: number;
}

/** Request counters of the vendor API (control routes excluded). */
export interface VerisoulStats {
  requests: number;
  byPath: Record<string, number>;
}

/** A Verisoul Face Match fake: API origin, hosted-app origin, scenario and inspection. */
export interface VerisoulSimulator {
  /** The API origin (what `api.sandbox.verisoul.ai` is). */
  api: (req: Request) => Promise<Response>;
  /** The hosted app origin (what `app.sandbox.verisoul.ai` is). */
  app: (req: Request) => Promise<Response>;
  /** The current scenario (frozen; use `setScenario` to change it). */
  readonly scenario: VerisoulScenario;
  /** Merges `patch` into the scenario (validated; throws `TypeError` on bad values). */
  setScenario(patch: Partial<VerisoulScenario>): VerisoulScenario;
  /** Forgets sessions, enrolments and counters; scenario back to defaults. */
  reset(): void;
  /** Vendor API calls seen (not control routes). */
  stats(): VerisoulStats;
  /** A copy of one session's state, for tests. */
  session(id: string): SimulatedSession | undefined;
}
