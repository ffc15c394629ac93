/**
 * The demo's event log: what the components report (`onEvent` and the callbacks), with times.
 * Demo tooling, not part of Acme's product; a real app would send these to its analytics.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { Vendor } from "../account.ts";

export interface LogEntry {
  id: number;
  /** Epoch milliseconds. */
  at: number;
  source: Vendor | "app";
  kind: "event" | "callback" | "app";
  name: string;
  detail: string;
}

type AddEntry = (entry: Omit<LogEntry, "id" | "at">) => void;

interface LogState {
  entries: LogEntry[];
  add: AddEntry;
  clear: () => void;
}

const LogContext = createContext<LogState>({ entries: [], add: () => {}, clear: () => {} });
const limit = 300;

/** Keeps the log for everything below it. */
export function EventLogProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const add = useCallback<AddEntry>((entry) => {
    setEntries((list) => {
      const next = { ...entry, id: (list[0]?.id ?? 0) + 1, at: Date.now() };
      return [next, ...list].slice(0, limit);
    });
  }, []);
  const clear = useCallback(() => setEntries([]), []);
  const value = useMemo(() => ({ entries, add, clear }), [entries, add, clear]);
  return <LogContext.Provider value={value}>{children}</LogContext.Provider>;
}

/** The log's entries (newest first) and `clear`. */
export function useLogEntries(): Pick<LogState, "entries" | "clear"> {
  return useContext(LogContext);
}

/** Short, readable words for a value: ids shortened, errors as their code. */
function short(value: unknown): string {
  if (typeof value === "string") {
    if (!/\s/.test(value) && value.length > 24) return `${value.slice(0, 8)}…`; // an id
    return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  }
  if (value === null || typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(short).join(", ")}]`;
  const code = (value as { code?: unknown }).code;
  if (value instanceof Error) return typeof code === "string" ? code : value.message;
  return `{${describe(value as Record<string, unknown>)}}`;
}

/** `key: value, …` for every field but `type`. */
function describe(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([key, v]) => key !== "type" && v !== undefined)
    .map(([key, v]) => `${key}: ${short(v)}`)
    .join(", ");
}

/** Logging helpers for one source: `event(e)` for `onEvent`, `callback(name, fields)`. */
export function useLog(source: LogEntry["source"]) {
  const { add } = useContext(LogContext);
  return useMemo(
    () => ({
      event: (event: { type: string }) =>
        add({ source, kind: "event", name: event.type, detail: describe(event) }),
      callback: (name: string, fields: Record<string, unknown> = {}) =>
        add({ source, kind: "callback", name, detail: describe(fields) }),
      note: (name: string, detail = "") => add({ source, kind: "app", name, detail }),
    }),
    [add, source],
  );
}
