/**
 * The simulator scenario fields the Scenarios panel offers, per vendor (see the simulator's
 * `/__simulator/scenario` route), and their conversion between form values and JSON patches.
 */
import type { Vendor } from "../account.ts";

export type ScenarioField =
  | { key: string; label: string; kind: "number"; unit?: string; blank?: string }
  | { key: string; label: string; kind: "select"; options: [value: string, label: string][] }
  | { key: string; label: string; kind: "bool" }
  | { key: string; label: string; kind: "list"; placeholder: string }
  | { key: string; label: string; kind: "failNext" };

export type FormValues = Record<string, string | boolean>;

const latency: ScenarioField = { key: "latencyMs", label: "Latency", kind: "number", unit: "ms" };
const failNext: ScenarioField = {
  key: "failNext",
  label: "Fail the next API call",
  kind: "failNext",
};

export const scenarioFields: Record<Vendor, ScenarioField[]> = {
  verisoul: [
    {
      key: "decision",
      label: "Decision",
      kind: "select",
      options: [
        ["", "Auto (from flags)"],
        ["Real", "Real"],
        ["Suspicious", "Suspicious"],
        ["Fake", "Fake"],
      ],
    },
    {
      key: "riskFlags",
      label: "Extra risk flags",
      kind: "list",
      placeholder: "e.g. face_mask, repeat_face",
    },
    latency,
    failNext,
    { key: "expireSessions", label: "Sessions expire before they start", kind: "bool" },
    { key: "coop", label: "Hosted page cuts the popup off (COOP)", kind: "bool" },
  ],
  facesign: [
    latency,
    failNext,
    {
      key: "secretTtlMs",
      label: "Client secret lifetime",
      kind: "number",
      unit: "ms",
      blank: "2 h",
    },
  ],
  didit: [
    { key: "credits", label: "Credits left", kind: "number" },
    {
      key: "rateLimitPerMinute",
      label: "Rate limit",
      kind: "number",
      unit: "per min",
      blank: "300",
    },
    latency,
    failNext,
  ],
};

export const failNextOptions: [value: string, label: string][] = [
  ["", "No"],
  ["429", "429 Too many requests"],
  ["500", "500 Server error"],
  ["503", "503 Unavailable"],
];

/** Form values from the scenario the simulator reports. */
export function toFormValues(fields: ScenarioField[], scenario: Record<string, unknown>) {
  const values: FormValues = {};
  for (const field of fields) {
    const v = scenario[field.key];
    if (field.kind === "bool") values[field.key] = v === true;
    else if (field.kind === "list") values[field.key] = Array.isArray(v) ? v.join(", ") : "";
    else if (field.kind === "failNext") {
      const fail = v as { status: number; count: number } | null;
      values[field.key] = fail && fail.count > 0 ? String(fail.status) : "";
    } else values[field.key] = v === null || v === undefined ? "" : String(v);
  }
  return values;
}

/** The JSON patch for the simulator; blank numbers and "auto" choices become `null`. */
export function toPatch(fields: ScenarioField[], values: FormValues): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    const v = values[field.key];
    if (field.kind === "bool") patch[field.key] = v === true;
    else if (field.kind === "list") {
      patch[field.key] = String(v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    } else if (field.kind === "failNext") {
      patch[field.key] = v ? { status: Number(v), count: 1 } : null;
    } else if (field.kind === "number") {
      patch[field.key] = v === "" ? (field.blank ? null : 0) : Number(v);
    } else patch[field.key] = v === "" ? null : v;
  }
  return patch;
}
