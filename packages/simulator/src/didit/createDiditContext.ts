import type { DiditWarning } from "@facekit/core/protocol";
import { createRateLimiter, type RateLimiter } from "../internal/createRateLimiter.ts";
import { injectFault } from "../internal/injectFault.ts";
import { diditDetail } from "./diditError.ts";
import { defaultDiditScenario, parseDiditScenarioPatch } from "./scenario.ts";
import type { DiditScenario, DiditSimulatorOptions, DiditStats } from "./types.ts";

/** The API key the simulator accepts by default (option `apiKeys` replaces the list). */
export const defaultDiditKey = "sim_didit_key";

/**
 * The sandbox key the simulator accepts by default (option `sandboxKeys` replaces the list):
 * requests are validated, then answered with a static Approved payload; nothing is stored and no
 * credit is spent, as Didit documents for sandbox keys [C].
 */
export const defaultDiditSandboxKey = "sim_didit_sandbox_key";

/** An uploaded image kept for a saved request. */
interface StoredImage {
  bytes: Uint8Array<ArrayBuffer>;
  type: string;
}

/** A face match stored as a session (`save_api_request=true`). */
export interface SavedFaceMatch {
  id: string;
  number: number;
  createdAt: string;
  status: string;
  score: number | null;
  warnings: DiditWarning[];
  vendorData: string | null;
  metadata: Record<string, unknown> | null;
  user: StoredImage;
  ref: StoredImage;
}

/** State and settings of one Didit simulator. */
export interface DiditContext {
  readonly now: () => number;
  readonly apiKeys: ReadonlySet<string>;
  readonly sandboxKeys: ReadonlySet<string>;
  readonly saved: Map<string, SavedFaceMatch>;
  readonly scenario: DiditScenario;
  setScenario(patch: Partial<DiditScenario>): DiditScenario;
  /** `generic-write` (POST) or `generic-get` limiter, with its current limit. */
  limiterFor(method: string): { limiter: RateLimiter; limit: number };
  /** Consumes one `failNext` failure as a Didit error, if any is pending. */
  takeFault(): Response | null;
  countRequest(path: string): void;
  /** Records a 200 face match: one credit spent. */
  recordMatch(status: string): void;
  /** Records a sandbox key's static answer: no credit, nothing stored. */
  recordSandbox(): void;
  stats(): DiditStats;
  reset(): void;
}

const faultDetails = {
  429: "Request was throttled.",
  500: "A server error occurred.",
  503: "Service temporarily unavailable, try again later.",
} as const;

/**
 * Creates the state of one Didit simulator from its options (defaults filled in).
 * @example
 * const ctx = createDiditContext({ credits: 3, now: () => clock });
 */
export function createDiditContext(options: DiditSimulatorOptions = {}): DiditContext {
  const now = options.now ?? Date.now;
  const initialCredits = options.credits ?? 1000;
  let scenario = defaultDiditScenario(initialCredits);
  const counters = {
    requests: 0,
    faceMatchRequests: 0,
    approved: 0,
    declined: 0,
    spent: 0,
    sandbox: 0,
  };
  const byPath = new Map<string, number>();
  const saved = new Map<string, SavedFaceMatch>();
  const writeLimit = () => scenario.rateLimitPerMinute ?? options.rateLimitPerMinute ?? 300;
  const writes = createRateLimiter({
    windowMs: 60_000,
    now,
    get limit() {
      return writeLimit();
    },
  });
  const reads = createRateLimiter({ limit: 600, windowMs: 60_000, now });
  const set = (next: DiditScenario) => {
    scenario = Object.freeze(next);
    return scenario;
  };

  return {
    now,
    apiKeys: new Set(options.apiKeys ?? [defaultDiditKey]),
    sandboxKeys: new Set(options.sandboxKeys ?? [defaultDiditSandboxKey]),
    saved,
    get scenario() {
      return scenario;
    },
    setScenario(patch) {
      const parsed = parseDiditScenarioPatch(patch);
      if (!parsed.ok) throw new TypeError(`setScenario: ${parsed.message}`);
      return set({ ...scenario, ...parsed.patch });
    },
    limiterFor: (method) =>
      method === "GET" ? { limiter: reads, limit: 600 } : { limiter: writes, limit: writeLimit() },
    takeFault() {
      const fault = injectFault(scenario.failNext);
      if (!fault) return null;
      set({ ...scenario, failNext: fault.remaining && Object.freeze(fault.remaining) });
      const status = fault.response.status as keyof typeof faultDetails;
      const headers: Record<string, string> =
        status === 429
          ? {
              "x-ratelimit-limit": String(writeLimit()),
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": String(Math.ceil(now() / 1000) + 1),
              "retry-after": "1",
            }
          : {};
      return diditDetail(status, faultDetails[status], headers);
    },
    countRequest(path) {
      counters.requests += 1;
      if (path === "/v3/face-match/") counters.faceMatchRequests += 1;
      byPath.set(path, (byPath.get(path) ?? 0) + 1);
    },
    recordMatch(status) {
      counters.spent += 1;
      counters[status === "Approved" ? "approved" : "declined"] += 1;
      set({ ...scenario, credits: Math.max(0, scenario.credits - 1) });
    },
    recordSandbox() {
      counters.sandbox += 1;
    },
    stats: () => ({
      requests: counters.requests,
      byPath: Object.fromEntries(byPath),
      faceMatchRequests: counters.faceMatchRequests,
      faceMatches: { approved: counters.approved, declined: counters.declined },
      creditsSpent: counters.spent,
      creditsRemaining: scenario.credits,
      savedRequests: saved.size,
      sandboxAnswers: counters.sandbox,
    }),
    reset() {
      saved.clear();
      writes.reset();
      reads.reset();
      for (const key of Object.keys(counters) as (keyof typeof counters)[]) counters[key] = 0;
      byPath.clear();
      scenario = defaultDiditScenario(initialCredits);
    },
  };
}
