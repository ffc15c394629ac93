import type { VerisoulDecision } from "@facekit/core/protocol";
import type { DiditScenario, DiditStats } from "../didit/types.ts";
import type { FaceSignScenario, FaceSignSimulator, FaceSignStats } from "../facesign/types.ts";
import type { FailNext } from "../internal/injectFault.ts";
import type { SimulatedSession, VerisoulScenario, VerisoulStats } from "../verisoul/types.ts";
import { createVendorControl, type VendorControl } from "./createVendorControl.ts";

/** API origins of running simulators (e.g. `running.verisoul.apiUrl`, or the CLI's output). */
export interface SimulatorApiUrls {
  verisoul: string;
  facesign: string;
  didit: string;
}

/** The FaceSign control view of a session: the API object plus the node the page shows. */
export type FaceSignControlSession = NonNullable<ReturnType<FaceSignSimulator["session"]>> & {
  currentNodeId: string | null;
};

/** Scripts the three simulators from a test, over HTTP (works from Node and from a browser). */
export interface SimulatorClient {
  verisoul: VendorControl<VerisoulScenario, VerisoulStats, SimulatedSession> & {
    /** Every verify-face from now on answers `decision`, with `riskFlags` added. */
    decide(decision: VerisoulDecision, riskFlags?: string[]): Promise<VerisoulScenario>;
    /** The hosted page sends COOP `same-origin`: the popup loses `window.opener`. */
    severPopup(): Promise<VerisoulScenario>;
    /** Every session not yet opened counts as expired. */
    expireSessions(): Promise<VerisoulScenario>;
  };
  facesign: VendorControl<FaceSignScenario, FaceSignStats, FaceSignControlSession> & {
    /** Client secrets minted from now on expire after `ms`. */
    expireSecretsAfter(ms: number): Promise<FaceSignScenario>;
  };
  didit: VendorControl<DiditScenario, DiditStats> & {
    /** Sets the credits left (0: every face match answers 403). */
    setCredits(credits: number): Promise<DiditScenario>;
    /** Face-match writes allowed per minute before 429 (null: Didit's 300). */
    setRateLimit(perMinute: number | null): Promise<DiditScenario>;
  };
  /** The next `count` calls to every vendor fail with `status` (an outage: a large count). */
  failNext(status: FailNext["status"], count?: number): Promise<void>;
  /** Adds `ms` to every vendor response. */
  setLatency(ms: number): Promise<void>;
  /** Resets every simulator (sessions, counters, scenarios). */
  reset(): Promise<void>;
}

/**
 * A typed client of the simulators' control routes (`/__simulator/*` on each API origin).
 * Didit's scores come from the pictures: pick them from `diditFixturePaths()` (same person
 * about 89, another person 0, no face `NO_REFERENCE_IMAGE`).
 * @example
 * const sim = createSimulatorClient({ verisoul: env.VERISOUL_BASE_URL, facesign, didit });
 * await sim.verisoul.decide("Fake", ["likely_deepfake"]);
 * await sim.didit.setCredits(0);
 */
export function createSimulatorClient(
  urls: SimulatorApiUrls,
  options: { fetch?: typeof fetch } = {},
): SimulatorClient {
  const verisoul = createVendorControl<VerisoulScenario, VerisoulStats, SimulatedSession>(
    urls.verisoul,
    options.fetch,
  );
  const facesign = createVendorControl<FaceSignScenario, FaceSignStats, FaceSignControlSession>(
    urls.facesign,
    options.fetch,
  );
  const didit = createVendorControl<DiditScenario, DiditStats>(urls.didit, options.fetch);
  const all = [verisoul, facesign, didit] as const;
  const each = async (patch: { latencyMs?: number; failNext?: FailNext }) => {
    await Promise.all(all.map((v) => v.setScenario(patch)));
  };
  return {
    verisoul: {
      ...verisoul,
      decide: (decision, riskFlags = []) => verisoul.setScenario({ decision, riskFlags }),
      severPopup: () => verisoul.setScenario({ coop: true }),
      expireSessions: () => verisoul.setScenario({ expireSessions: true }),
    },
    facesign: {
      ...facesign,
      expireSecretsAfter: (ms) => facesign.setScenario({ secretTtlMs: ms }),
    },
    didit: {
      ...didit,
      setCredits: (credits) => didit.setScenario({ credits }),
      setRateLimit: (perMinute) => didit.setScenario({ rateLimitPerMinute: perMinute }),
    },
    failNext: (status, count = 1) => each({ failNext: { status, count } }),
    setLatency: (ms) => each({ latencyMs: ms }),
    async reset() {
      await Promise.all(all.map((v) => v.reset()));
    },
  };
}
