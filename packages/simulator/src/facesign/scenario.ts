import type { FaceSignScenario } from "./types.ts";

/** Result of {@link parseFaceSignScenarioPatch}. */
export type FaceSignScenarioPatchResult =
  | { ok: true; patch: Partial<FaceSignScenario> }
  | { ok: false; message: string };

type Check = (value: unknown) => string | null;

const isMs: Check = (v) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 600_000
    ? null
    : "must be a number of milliseconds between 0 and 600000";

const checks: Record<keyof FaceSignScenario, Check> = {
  latencyMs: isMs,
  secretTtlMs: (v) =>
    v === null || (typeof v === "number" && Number.isFinite(v) && v >= 0)
      ? null
      : "must be null or a number of milliseconds >= 0",
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
 * A fresh default scenario: no latency, no faults, the configured secret lifetime.
 * @example
 * sim.setScenario(defaultFaceSignScenario());
 */
export function defaultFaceSignScenario(): FaceSignScenario {
  return Object.freeze({ latencyMs: 0, failNext: null, secretTtlMs: null });
}

/**
 * Validates an untrusted scenario patch. Unknown fields are refused so a typo never silently
 * does nothing.
 * @example
 * const r = parseFaceSignScenarioPatch({ latencyMs: 200 });
 * if (!r.ok) return facesignError(400, "validation_error", r.message);
 */
export function parseFaceSignScenarioPatch(input: unknown): FaceSignScenarioPatchResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, message: "Scenario patch must be a JSON object" };
  }
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const check = (checks as Record<string, Check | undefined>)[key];
    if (!check) return { ok: false, message: `Unknown scenario field "${key}"` };
    const problem = check(value);
    if (problem) return { ok: false, message: `Scenario field "${key}" ${problem}` };
    patch[key] = value;
  }
  const failNext = patch.failNext as { status: number; count: number } | null | undefined;
  if (failNext) patch.failNext = failNext.count === 0 ? null : Object.freeze({ ...failNext });
  return { ok: true, patch: patch as Partial<FaceSignScenario> };
}
