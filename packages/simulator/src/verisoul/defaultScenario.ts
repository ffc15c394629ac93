import type { VerisoulScenario } from "./types.ts";

/**
 * A fresh default scenario: no latency, no faults, no hand-off, the sandbox's 3 s simulate delay.
 * @example
 * sim.setScenario(defaultScenario());
 */
export function defaultScenario(): VerisoulScenario {
  return {
    latencyMs: 0,
    failNext: null,
    expireSessions: false,
    coop: false,
    handoff: "never",
    simulateDelayMs: 3000,
    groupsEnabled: false,
    decision: null,
    riskFlags: [],
  };
}

/**
 * Deep-freezes a scenario so nobody changes it behind `setScenario`'s back.
 * @example
 * current = freezeScenario({ ...current, ...patch });
 */
export function freezeScenario(scenario: VerisoulScenario): VerisoulScenario {
  if (scenario.failNext) Object.freeze(scenario.failNext);
  Object.freeze(scenario.riskFlags);
  return Object.freeze(scenario);
}
