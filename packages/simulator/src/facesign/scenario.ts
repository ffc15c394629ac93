import {
  type Check,
  createScenarioParser,
  isBool,
  isFailNext,
  isMs,
  oneOf,
  type ScenarioPatchResult,
} from "../internal/createScenarioParser.ts";
import type { FaceSignScenario } from "./types.ts";

/** Result of {@link parseFaceSignScenarioPatch}. */
export type FaceSignScenarioPatchResult = ScenarioPatchResult<FaceSignScenario>;

const checks: Record<keyof FaceSignScenario, Check> = {
  latencyMs: isMs,
  secretTtlMs: (v) =>
    v === null || (typeof v === "number" && Number.isFinite(v) && v >= 0)
      ? null
      : "must be null or a number of milliseconds >= 0",
  failNext: isFailNext,
  reportShape: oneOf(["current", "legacy", "both"]),
  deepfake: oneOf(["authentic", "manipulated", "unknown", "failed", "pending"]),
  webhookTypes: oneOf(["current", "legacy"]),
  mediaWebhooks: isBool,
};

/**
 * A fresh default scenario: no latency, no faults, the configured secret lifetime.
 * @example
 * sim.setScenario(defaultFaceSignScenario());
 */
export function defaultFaceSignScenario(): FaceSignScenario {
  return Object.freeze({
    latencyMs: 0,
    failNext: null,
    secretTtlMs: null,
    reportShape: "both",
    deepfake: "authentic",
    webhookTypes: "current",
    mediaWebhooks: false,
  });
}

/**
 * Validates an untrusted scenario patch. Unknown fields are refused so a typo never silently
 * does nothing.
 * @example
 * const r = parseFaceSignScenarioPatch({ latencyMs: 200 });
 * if (!r.ok) return facesignError(400, "validation_error", r.message);
 */
export const parseFaceSignScenarioPatch: (input: unknown) => FaceSignScenarioPatchResult =
  createScenarioParser<FaceSignScenario>(checks);
