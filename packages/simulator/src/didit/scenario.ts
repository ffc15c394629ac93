import {
  type Check,
  createScenarioParser,
  isFailNext,
  isMs,
  type ScenarioPatchResult,
} from "../internal/createScenarioParser.ts";
import type { DiditScenario } from "./types.ts";

/** Result of {@link parseDiditScenarioPatch}. */
export type DiditScenarioPatchResult = ScenarioPatchResult<DiditScenario>;

const isCount =
  (max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max
      ? null
      : `must be an integer between 0 and ${max}`;

const checks: Record<keyof DiditScenario, Check> = {
  latencyMs: isMs,
  failNext: isFailNext,
  rateLimitPerMinute: (v) => (v === null ? null : isCount(1_000_000)(v)),
  credits: isCount(1_000_000_000),
};

/**
 * A fresh default scenario with `credits` credits: no latency, no faults, the configured limit.
 * @example
 * const scenario = defaultDiditScenario(1000);
 */
export function defaultDiditScenario(credits: number): DiditScenario {
  return Object.freeze({ latencyMs: 0, failNext: null, rateLimitPerMinute: null, credits });
}

/**
 * Validates an untrusted scenario patch. Unknown fields are refused so a typo never silently
 * does nothing.
 * @example
 * const r = parseDiditScenarioPatch({ credits: 0, rateLimitPerMinute: 2 });
 * if (!r.ok) return diditDetail(400, r.message);
 */
export const parseDiditScenarioPatch: (input: unknown) => DiditScenarioPatchResult =
  createScenarioParser<DiditScenario>(checks);
