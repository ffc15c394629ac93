import type { VerisoulDecision, VerisoulRiskFlag } from "@facekit/core/protocol";

/** Documented severity of a risk flag. */
type RiskLevel = "High" | "Moderate" | "Low";

/** Level of each documented flag (vendor notes, "Risk flags" table). */
const riskFlagLevels: Record<VerisoulRiskFlag, RiskLevel> = {
  high_device_risk: "High",
  proxy_detected: "Moderate",
  vpn_detected: "Moderate",
  datacenter_detected: "Moderate",
  recent_fraud_ip: "Low",
  impossible_travel_detected: "High",
  repeat_face: "High",
  repeat_device: "High",
  different_device_type_same_category: "Moderate",
  same_device_type_different_ip: "Moderate",
  referring_ip_mismatch: "Low",
  referring_user_agent_mismatch: "Low",
  potential_link_sharing: "Low",
};

/**
 * Level of any flag; undocumented flags count as Low [I].
 * @example
 * riskLevel("repeat_face"); // "High"
 */
function riskLevel(flag: string): RiskLevel {
  return (riskFlagLevels as Partial<Record<string, RiskLevel>>)[flag] ?? "Low";
}

/**
 * "Suspicious" when any flag is High or Moderate, otherwise "Real". "Fake" is only ever forced by
 * the scenario (a failed liveness check never reaches a 200).
 * @example
 * deriveDecision(["recent_fraud_ip"]); // "Real"
 */
export function deriveDecision(flags: readonly string[]): VerisoulDecision {
  return flags.some((f) => riskLevel(f) !== "Low") ? "Suspicious" : "Real";
}

const weights: Record<RiskLevel, number> = { High: 3, Moderate: 2, Low: 1 };
const bands: Record<VerisoulDecision, { base: number; step: number; maxWeight: number }> = {
  Real: { base: 0.03, step: 0.05, maxWeight: 5 },
  Suspicious: { base: 0.5, step: 0.05, maxWeight: 6 },
  Fake: { base: 0.9, step: 0.01, maxWeight: 4 },
};

/**
 * A risk score in 0-1 inside the band of `decision` (Real 0.03-0.33, Suspicious 0.5-0.85, Fake
 * 0.9-0.99), rising with the number and severity of flags. `jitter` (0-1) makes it look measured.
 * @example
 * scoreRisk(["repeat_face"], "Suspicious", 0.5); // 0.675
 */
export function scoreRisk(
  flags: readonly string[],
  decision: VerisoulDecision,
  jitter: number,
): number {
  const weight = flags.reduce((sum, f) => sum + weights[riskLevel(f)], 0);
  const band = bands[decision];
  const score = band.base + band.step * Math.min(weight, band.maxWeight) + jitter * 0.05;
  return Math.round(Math.min(score, 0.99) * 1000) / 1000;
}
