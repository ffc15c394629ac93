/**
 * The control routes every simulated vendor's API origin serves (`/__simulator/scenario`,
 * `reset`, `stats`, `sessions/{id}`), as a typed object over HTTP.
 */

/** Control of one simulated vendor. Every method throws when the simulator refuses the call. */
export interface VendorControl<Scenario, Stats, Session = never> {
  /** The API origin this object talks to. */
  readonly apiUrl: string;
  /** The current scenario. */
  scenario(): Promise<Scenario>;
  /** Merges a patch into the scenario (unknown fields and bad values are refused) and returns it. */
  setScenario(patch: Partial<Scenario>): Promise<Scenario>;
  /** Forgets sessions and counters; scenario back to its defaults. */
  reset(): Promise<void>;
  /** What the vendor API has seen (control routes excluded). */
  stats(): Promise<Stats>;
  /** The simulator's view of one session, or `null` if it does not know it. */
  session(id: string): Promise<Session | null>;
}

/** Error thrown when a control route answers with a failure. */
export class SimulatorControlError extends Error {
  override name = "SimulatorControlError";
  constructor(
    message: string,
    /** HTTP status of the control route's answer. */
    readonly status: number,
  ) {
    super(message);
  }
}

async function read<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) {
    throw new SimulatorControlError(
      `${what} answered ${response.status}: ${text}`,
      response.status,
    );
  }
  return JSON.parse(text) as T;
}

/**
 * Typed access to one vendor simulator's control routes.
 * @example
 * const verisoul = createVendorControl<VerisoulScenario, VerisoulStats>("http://127.0.0.1:4010");
 * await verisoul.setScenario({ coop: true });
 */
export function createVendorControl<Scenario, Stats, Session = never>(
  apiUrl: string,
  fetcher: typeof fetch = fetch,
): VendorControl<Scenario, Stats, Session> {
  const base = `${apiUrl.replace(/\/+$/, "")}/__simulator`;
  const call = (path: string, init?: RequestInit) => fetcher(`${base}/${path}`, init);
  return {
    apiUrl,
    scenario: async () => read<Scenario>(await call("scenario"), "GET scenario"),
    async setScenario(patch) {
      const init = {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(patch),
      };
      return read<Scenario>(await call("scenario", init), "POST scenario");
    },
    async reset() {
      await read(await call("reset", { method: "POST" }), "POST reset");
    },
    stats: async () => read<Stats>(await call("stats"), "GET stats"),
    async session(id) {
      const response = await call(`sessions/${encodeURIComponent(id)}`);
      if (response.status === 404) return null;
      return read<Session>(response, "GET session");
    },
  };
}
