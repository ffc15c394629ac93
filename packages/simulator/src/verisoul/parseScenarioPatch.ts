import type { VerisoulScenario } from "./types.ts";

/** Result of {@link parseScenarioPatch}. */
export type ScenarioPatchResult =
  | { ok: true; patch: Partial<VerisoulScenario> }
  | { ok: false; message: string };

type Check = (value: unknown) => string | null;

const isBool: Check = (v) => (typeof v === "boolean" ? null : "must be a boolean");
const isMs: Check = (v) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 600_000
    ? null
    : "must be a number of milliseconds between 0 and 600000";
const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v) ? null : `must be one of ${values.map((x) => JSON.stringify(x)).join(", ")}`;

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
  failNext: (v) => {
    if (v === null) return null;
    const f = v as { status?: unknown; count?: unknown } | undefined;
    const fine =
      typeof f === "object" &&
      [429, 500, 503].includes(f.status as number) &&
      Number.isInteger(f.count) &&
      (f.count as number) >= 0 &&
      Object.keys(f).every((k) => k === "status" || k === "count");
    return fine ? null : "must be null or { status: 429 | 500 | 503, count: integer >= 0 }";
  },
};

/**
 * Validates an untrusted scenario patch (e.g. the body of `POST /__simulator/scenario`). Unknown
 * fields are refused so a typo never silently does nothing.
 * @example
 * const r = parseScenarioPatch({ coop: true });
 * if (r.ok) setScenario(r.patch); else return flatError(400, r.message);
 */
export function parseScenarioPatch(input: unknown): ScenarioPatchResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, message: "Scenario patch must be a JSON object" };
  }
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const check = (checks as Record<string, Check | undefined>)[key];
    if (!check) return { ok: false, message: `Unknown scenario field "${key}"` };
    const problem = check(value);
    if (problem) return { ok: false, message: `Scenario field "${key}" ${problem}` };
    patch[key] = key === "riskFlags" ? [...(value as string[])] : value;
  }
  const failNext = patch.failNext as { status: number; count: number } | null | undefined;
  if (failNext) patch.failNext = failNext.count === 0 ? null : { ...failNext };
  return { ok: true, patch: patch as Partial<VerisoulScenario> };
}
