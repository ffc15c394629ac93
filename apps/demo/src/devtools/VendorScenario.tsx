import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { type Vendor, vendorNames } from "../account.ts";
import { useLog, useLogEntries } from "./EventLogProvider.tsx";
import {
  type FormValues,
  failNextOptions,
  type ScenarioField,
  scenarioFields,
  toFormValues,
  toPatch,
} from "./scenarioFields.ts";

/** The simulator's words for a refused patch (each vendor shapes its errors differently). */
async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as {
    message?: string;
    detail?: string;
    error?: { message?: string };
  };
  return body.message ?? body.detail ?? body.error?.message ?? `HTTP ${response.status}`;
}

interface Stats {
  requests?: number;
  creditsRemaining?: number;
}

/** One vendor's scenario form, talking to its simulator's control routes. */
export function VendorScenario({ vendor, controlUrl }: { vendor: Vendor; controlUrl: string }) {
  const fields = scenarioFields[vendor];
  const id = useId();
  const log = useLog(vendor);
  const [values, setValues] = useState<FormValues | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);

  const load = useCallback(async () => {
    const [scenario, counts] = await Promise.all(
      ["scenario", "stats"].map(async (r) => (await fetch(`${controlUrl}/${r}`)).json()),
    );
    setValues(toFormValues(fields, scenario as Record<string, unknown>));
    setStats(counts as Stats);
  }, [controlUrl, fields]);

  useEffect(() => {
    load().catch(() => setStatus({ text: "The simulator does not answer.", error: true }));
  }, [load]);
  // Counters move while the visitor verifies: read them again whenever the log moves.
  const latest = useLogEntries().entries[0]?.id;
  useEffect(() => {
    if (latest === undefined) return;
    const timer = setTimeout(() => {
      fetch(`${controlUrl}/stats`)
        .then((r) => r.json() as Promise<Stats>)
        .then(setStats, () => {});
    }, 300);
    return () => clearTimeout(timer);
  }, [latest, controlUrl]);

  async function post(route: "scenario" | "reset", body: unknown, done: string) {
    try {
      const response = await fetch(`${controlUrl}/${route}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(await errorOf(response));
      await load();
      setStatus({ text: done });
      log.note(route === "reset" ? "scenario reset" : "scenario applied", JSON.stringify(body));
    } catch (error) {
      setStatus({ text: (error as Error).message, error: true });
    }
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (values) void post("scenario", toPatch(fields, values), "Scenario applied.");
  }

  const set = (key: string, value: string | boolean) =>
    setValues((v) => (v ? { ...v, [key]: value } : v));

  return (
    <form className="scenario" onSubmit={apply} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>
        {vendorNames[vendor]} <span className="tag tag-sim">simulated</span>
      </h4>
      <fieldset disabled={!values} className="scenario-fields">
        <legend className="sr-only">{vendorNames[vendor]} scenario</legend>
        {fields.map((field) => (
          <Field
            key={field.key}
            id={`${id}-${field.key}`}
            field={field}
            value={values?.[field.key] ?? ""}
            onChange={(v) => set(field.key, v)}
          />
        ))}
      </fieldset>
      <div className="scenario-actions">
        <button type="submit" className="secondary" disabled={!values}>
          Apply
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => void post("reset", {}, "Simulator reset.")}
        >
          Reset
        </button>
        <span className="stats">
          {stats?.requests ?? 0} API calls
          {stats?.creditsRemaining !== undefined && ` · ${stats.creditsRemaining} credits`}
        </span>
      </div>
      <output className={status?.error ? "error small" : "muted small"}>{status?.text}</output>
    </form>
  );
}

function Field({
  id,
  field,
  value,
  onChange,
}: {
  id: string;
  field: ScenarioField;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
}) {
  if (field.kind === "bool") {
    return (
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {field.label}
      </label>
    );
  }
  const options =
    field.kind === "select" ? field.options : field.kind === "failNext" ? failNextOptions : null;
  return (
    <label className="field" htmlFor={id}>
      <span>
        {field.label}
        {field.kind === "number" && field.unit && <small> ({field.unit})</small>}
      </span>
      {options ? (
        <select id={id} value={String(value)} onChange={(e) => onChange(e.currentTarget.value)}>
          {options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.kind === "number" ? "number" : "text"}
          min={field.kind === "number" ? 0 : undefined}
          inputMode={field.kind === "number" ? "numeric" : undefined}
          placeholder={
            field.kind === "number"
              ? field.blank
              : field.kind === "list"
                ? field.placeholder
                : undefined
          }
          value={String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </label>
  );
}
