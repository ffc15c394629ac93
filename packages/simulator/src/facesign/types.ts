/**
 * Public types of the FaceSign simulator: options, scenario and the simulator object.
 */
import type { FaceSignSessionObject } from "@facekit/core/protocol";
import type { FailNext } from "../internal/injectFault.ts";

/** Options of `createFaceSignSimulator`. */
export interface FaceSignSimulatorOptions {
  /** Clock in ms (timestamps, secret expiry, rate-limit window). Default `Date.now`. */
  now?: () => number;
  /** Client secret lifetime. Default 2 hours. */
  secretTtlMs?: number;
  /** Calls per minute allowed for each `sk_test_` key. Default 100 (`sk_prod_` keys: 1000). */
  rateLimitPerMinute?: number;
  /** Where `session.status` webhooks are POSTed. Default: no webhooks. */
  webhookUrl?: string;
  /** HMAC-SHA256 key of `X-FaceSign-Signature`. Default `"whsec_facekit_simulator"`. */
  webhookSecret?: string;
  /** Used to deliver webhooks (tests pass an in-process handler). Default global `fetch`. */
  fetch?: typeof fetch;
  /**
   * Origin of the hosted page (`app` handler), used in `clientSecret.url`. `startSimulators`
   * fills it in with the real app URL. Default `http://127.0.0.1:4021`.
   */
  appOrigin?: string;
}

/** Behaviour switches, changed with `setScenario` or `POST /__simulator/scenario`. */
export interface FaceSignScenario {
  /** Added to every API and hosted-page response (not control routes). Default 0. */
  latencyMs: number;
  /** The next `count` vendor API calls fail with `status`, before any state change. Default null. */
  failNext: FailNext | null;
  /** Overrides the client secret lifetime of secrets minted from now on (tests). Default null. */
  secretTtlMs: number | null;
  /**
   * Report generation of sessions finished from now on: `current` (SDK 1.0.47: `nodeReports`,
   * `media`, `deepfakeDetection*`), `legacy` (`isVerified`, `livenessDetected`, `screenshots`,
   * `videos`) or `both` (as the vendor's reference example shows them together). Default `both`.
   */
  reportShape: "current" | "legacy" | "both";
  /**
   * Post-session deepfake analysis (current reports, sessions that reached a video node):
   * its verdict at once, `failed`, or `pending` until `finishDeepfake` (or
   * `POST /__simulator/sessions/{id}/deepfake`) delivers it. Default `authentic`.
   */
  deepfake: "authentic" | "manipulated" | "unknown" | "failed" | "pending";
  /**
   * Webhook generation: `current` (`session.status`, `analysis.deepfake`, `media.user_video`) or
   * `legacy` (`session.started`, `session.finished`). Default `current`.
   */
  webhookTypes: "current" | "legacy";
  /**
   * Also ring `media.user_video` (with its `media` item) when a session whose report has a user
   * video finishes (current webhooks only). Default false.
   */
  mediaWebhooks: boolean;
}

/** A deepfake verdict `finishDeepfake` can deliver (`failed`: the analysis failed). */
export type FaceSignDeepfakeOutcome = "authentic" | "manipulated" | "unknown" | "failed";

/** Request counters of the vendor API (control routes excluded). */
export interface FaceSignStats {
  requests: number;
  byPath: Record<string, number>;
  /** Calls per `Facesign-Version` header value (`none` when absent). */
  byVersion: Record<string, number>;
}

/** A FaceSign fake: API origin, hosted-page origin, scenario and inspection. */
export interface FaceSignSimulator {
  /** The API origin (what `https://api.facesign.ai` is). */
  api: (req: Request) => Promise<Response>;
  /** The hosted page origin (what `https://session.facesign.ai` is). */
  app: (req: Request) => Promise<Response>;
  /** The current scenario (frozen; use `setScenario` to change it). */
  readonly scenario: FaceSignScenario;
  /** Merges `patch` into the scenario (validated; throws `TypeError` on bad values). */
  setScenario(patch: Partial<FaceSignScenario>): FaceSignScenario;
  /** Forgets sessions, secrets and counters; scenario back to defaults. */
  reset(): void;
  /** Vendor API calls seen (not control routes). */
  stats(): FaceSignStats;
  /** A copy of one session as the API would return it, for tests. */
  session(id: string): FaceSignSessionObject | undefined;
  /**
   * Ends the `pending` deepfake analysis of a finished session: updates its report and sends
   * `analysis.deepfake`. False when the session is unknown or has no pending analysis.
   */
  finishDeepfake(id: string, outcome: FaceSignDeepfakeOutcome): boolean;
}
