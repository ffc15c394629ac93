import type {
  FaceSignClientSecretBody,
  FaceSignNode,
  FaceSignNodeReport,
  FaceSignReportBody,
  FaceSignSessionObject,
} from "@facekit/core/protocol";
import { createRateLimiter, type RateLimiter } from "../internal/createRateLimiter.ts";
import { injectFault } from "../internal/injectFault.ts";
import { facesignError } from "./facesignError.ts";
import { defaultFaceSignScenario, parseFaceSignScenarioPatch } from "./scenario.ts";
import type { FaceSignScenario, FaceSignSimulatorOptions, FaceSignStats } from "./types.ts";

/** An API key the simulator accepts (any `sk_test_`/`sk_prod_` key works). */
export const defaultFaceSignKey = "sk_test_facekit_simulator";

/** What the simulator keeps about one session besides the API object. */
export interface FaceSignRecord {
  session: FaceSignSessionObject;
  clientSecret: FaceSignClientSecretBody;
  flow: FaceSignNode[];
  /** Node the hosted page shows; null before opening and after finishing. */
  currentNodeId: string | null;
  transcript: NonNullable<FaceSignReportBody["transcript"]>;
  outcomesTaken: string[];
  /** One node report per visited node, in order (today's `report.nodeReports`). */
  visits: FaceSignNodeReport[];
  /** Language the hosted page settled on when opened. */
  lang: string | null;
}

/** The state and settings shared by the API and hosted-page handlers of one simulator. */
export interface FaceSignContext {
  readonly now: () => number;
  readonly appOrigin: string;
  readonly options: FaceSignSimulatorOptions;
  readonly sessions: Map<string, FaceSignRecord>;
  /** Current and replaced client secrets -> session id (replaced ones map to null). */
  readonly secrets: Map<string, string | null>;
  readonly scenario: FaceSignScenario;
  setScenario(patch: Partial<FaceSignScenario>): FaceSignScenario;
  /** Lifetime of a secret minted now. */
  secretTtlMs(): number;
  /** Limiter for a key (`sk_prod_` keys get the production limit). */
  limiterFor(key: string): { limiter: RateLimiter; limit: number };
  /** Consumes one `failNext` failure as a FaceSign error, if any is pending. */
  takeFault(): Response | null;
  /** Counts one vendor call by path and by `Facesign-Version` header (null: none sent). */
  countRequest(path: string, version: string | null): void;
  stats(): FaceSignStats;
  reset(): void;
}

const faultTypes = { 429: "rate_limit_error", 500: "server_error", 503: "server_error" } as const;

/**
 * Creates the state of one FaceSign simulator from its options (defaults filled in).
 * @example
 * const ctx = createFaceSignContext({ now: () => clock });
 */
export function createFaceSignContext(options: FaceSignSimulatorOptions = {}): FaceSignContext {
  const now = options.now ?? Date.now;
  let scenario = defaultFaceSignScenario();
  let requests = 0;
  const byPath = new Map<string, number>();
  const byVersion = new Map<string, number>();
  const sessions = new Map<string, FaceSignRecord>();
  const secrets = new Map<string, string | null>();
  const testLimit = options.rateLimitPerMinute ?? 100;
  const test = createRateLimiter({ limit: testLimit, windowMs: 60_000, now });
  const prod = createRateLimiter({ limit: 1000, windowMs: 60_000, now });

  return {
    now,
    appOrigin: (options.appOrigin ?? "http://127.0.0.1:4021").replace(/\/+$/, ""),
    options,
    sessions,
    secrets,
    get scenario() {
      return scenario;
    },
    setScenario(patch) {
      const parsed = parseFaceSignScenarioPatch(patch);
      if (!parsed.ok) throw new TypeError(`setScenario: ${parsed.message}`);
      scenario = Object.freeze({ ...scenario, ...parsed.patch });
      return scenario;
    },
    secretTtlMs: () => scenario.secretTtlMs ?? options.secretTtlMs ?? 2 * 60 * 60_000,
    limiterFor: (key) =>
      key.startsWith("sk_prod_")
        ? { limiter: prod, limit: 1000 }
        : { limiter: test, limit: testLimit },
    takeFault() {
      const fault = injectFault(scenario.failNext);
      if (!fault) return null;
      const remaining = fault.remaining && Object.freeze(fault.remaining);
      scenario = Object.freeze({ ...scenario, failNext: remaining });
      const status = fault.response.status as 429 | 500 | 503;
      return facesignError(status, faultTypes[status], "Simulated failure (failNext)");
    },
    countRequest(path, version) {
      requests += 1;
      byPath.set(path, (byPath.get(path) ?? 0) + 1);
      const v = version ?? "none";
      byVersion.set(v, (byVersion.get(v) ?? 0) + 1);
    },
    stats: () => ({
      requests,
      byPath: Object.fromEntries(byPath),
      byVersion: Object.fromEntries(byVersion),
    }),
    reset() {
      sessions.clear();
      secrets.clear();
      test.reset();
      prod.reset();
      requests = 0;
      byPath.clear();
      byVersion.clear();
      scenario = defaultFaceSignScenario();
    },
  };
}
