import { createRateLimiter, type RateLimiter } from "../internal/createRateLimiter.ts";
import { injectFault } from "../internal/injectFault.ts";
import { defaultScenario, freezeScenario } from "./defaultScenario.ts";
import { parseScenarioPatch } from "./parseScenarioPatch.ts";
import type {
  Enrolment,
  SimulatedSession,
  VerisoulScenario,
  VerisoulSimulatorOptions,
  VerisoulStats,
} from "./types.ts";

/** The API key the simulator accepts unless told otherwise. */
export const defaultVerisoulKey = "sim_verisoul_key";

/** The state and settings shared by the API and hosted-app handlers of one simulator. */
export interface VerisoulContext {
  readonly apiKeys: ReadonlySet<string>;
  readonly now: () => number;
  readonly sessionTtlMs: number;
  readonly projectId: string;
  readonly sessions: Map<string, SimulatedSession>;
  readonly enrolments: Enrolment[];
  readonly limiter: RateLimiter;
  /** Current scenario (frozen). */
  readonly scenario: VerisoulScenario;
  /** Validates and merges a scenario patch; throws `TypeError` on bad values. */
  setScenario(patch: Partial<VerisoulScenario>): VerisoulScenario;
  /** Consumes one `failNext` failure, if any is pending. */
  takeFault(): Response | null;
  /** Counts one vendor API call. */
  countRequest(path: string): void;
  stats(): VerisoulStats;
  reset(): void;
}

/**
 * Creates the state of one Verisoul simulator from its options (defaults filled in).
 * @example
 * const ctx = createVerisoulContext({ now: () => clock });
 */
export function createVerisoulContext(options: VerisoulSimulatorOptions = {}): VerisoulContext {
  const now = options.now ?? Date.now;
  let scenario = freezeScenario(defaultScenario());
  let requests = 0;
  const byPath = new Map<string, number>();
  const sessions = new Map<string, SimulatedSession>();
  const enrolments: Enrolment[] = [];
  const limiter = createRateLimiter({
    limit: options.rateLimitPerMinute ?? 300,
    windowMs: 60_000,
    now,
  });

  return {
    apiKeys: new Set(options.apiKeys ?? [defaultVerisoulKey]),
    now,
    sessionTtlMs: options.sessionTtlMs ?? 15 * 60_000,
    projectId: options.projectId ?? crypto.randomUUID(),
    sessions,
    enrolments,
    limiter,
    get scenario() {
      return scenario;
    },
    setScenario(patch) {
      const parsed = parseScenarioPatch(patch);
      if (!parsed.ok) throw new TypeError(`setScenario: ${parsed.message}`);
      scenario = freezeScenario({ ...scenario, ...parsed.patch });
      return scenario;
    },
    takeFault() {
      const fault = injectFault(scenario.failNext);
      if (!fault) return null;
      scenario = freezeScenario({ ...scenario, failNext: fault.remaining });
      return fault.response;
    },
    countRequest(path) {
      requests += 1;
      byPath.set(path, (byPath.get(path) ?? 0) + 1);
    },
    stats() {
      return { requests, byPath: Object.fromEntries(byPath) };
    },
    reset() {
      sessions.clear();
      enrolments.length = 0;
      limiter.reset();
      requests = 0;
      byPath.clear();
      scenario = freezeScenario(defaultScenario());
    },
  };
}
