import {
  type Check,
  createScenarioParser,
  type ScenarioPatchResult as GenericResult,
  isBool,
  isFailNext,
  isMs,
  oneOf,
} from "../internal/createScenarioParser.ts";
import type { VerisoulScenario } from "./types.ts";

/** Result of {@link parseScenarioPatch}. */
export type ScenarioPatchResult = GenericResult<VerisoulScenario>;

const checks: Record<keyof VerisoulScenario, Check> = {
  latencyMs: isMs,
  simulateDelayMs: isMs,
  expireSessions: isBool,
  coop: isBool,
  groupsEnabled: isBool,
  handoff: oneOf(["never", "always", "auto"]),
  decision: oneOf(["Real", "Suspicious", "Fake", null]),
  riskFlags: (v) =>
    Array.isArray(v) && v.every((f) => typeof f === "string" && f.length > 0 && f.length <= 100)
      ? null
      : "must be an array of non-empty strings",
  failNext: isFailNext,
};

/**
 * Validates an untrusted scenario patch (e.g. the body of `POST /__simulator/scenario`). Unknown
 * fields are refused so a typo never silently does nothing.
 * @example
 * const r = parseScenarioPatch({ coop: true });
 * if (r.ok) setScenario(r.patch); else return flatError(400, r.message);
 */
export const parseScenarioPatch: (input: unknown) => ScenarioPatchResult =
  createScenarioParser<VerisoulScenario>(checks);
