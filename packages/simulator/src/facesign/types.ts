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
}

/** Request counters of the vendor API (control routes excluded). */
export interface FaceSignStats {
  requests: number;
  byPath: Record<string, number>;
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
}
