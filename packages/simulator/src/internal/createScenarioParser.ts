/**
 * Validation of untrusted scenario patches (`POST /__simulator/scenario`), shared by every
 * simulated vendor: each field has a check; unknown fields are refused so a typo never silently
 * does nothing.
 */

/** Answers `null` when the value is fine, otherwise what is wrong with it. */
export type Check = (value: unknown) => string | null;

/** Result of a scenario parser. */
export type ScenarioPatchResult<S> =
  | { ok: true; patch: Partial<S> }
  | { ok: false; message: string };

export const isBool: Check = (v) => (typeof v === "boolean" ? null : "must be a boolean");

export const isMs: Check = (v) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 600_000
    ? null
    : "must be a number of milliseconds between 0 and 600000";

export const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v) ? null : `must be one of ${values.map((x) => JSON.stringify(x)).join(", ")}`;

/** `failNext`: null, or the next `count` vendor calls fail with `status`. */
export const isFailNext: Check = (v) => {
  if (v === null) return null;
  const f = v as { status?: unknown; count?: unknown } | undefined;
  const fine =
    typeof f === "object" &&
    [429, 500, 503].includes(f.status as number) &&
    Number.isInteger(f.count) &&
    (f.count as number) >= 0 &&
    Object.keys(f).every((k) => k === "status" || k === "count");
  return fine ? null : "must be null or { status: 429 | 500 | 503, count: integer >= 0 }";
};

/**
 * Builds a parser from one check per scenario field. Arrays are copied; `failNext` with
 * `count: 0` becomes `null`.
 * @example
 * const parse = createScenarioParser<MyScenario>({ latencyMs: isMs, failNext: isFailNext });
 * const r = parse({ latencyMs: 200 });
 */
export function createScenarioParser<S>(checks: Record<keyof S, Check>) {
  return (input: unknown): ScenarioPatchResult<S> => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      return { ok: false, message: "Scenario patch must be a JSON object" };
    }
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      const check = (checks as Record<string, Check | undefined>)[key];
      if (!check) return { ok: false, message: `Unknown scenario field "${key}"` };
      const problem = check(value);
      if (problem) return { ok: false, message: `Scenario field "${key}" ${problem}` };
      patch[key] = Array.isArray(value) ? [...value] : value;
    }
    const failNext = patch.failNext as { status: number; count: number } | null | undefined;
    if (failNext) patch.failNext = failNext.count === 0 ? null : Object.freeze({ ...failNext });
    return { ok: true, patch: patch as Partial<S> };
  };
}
