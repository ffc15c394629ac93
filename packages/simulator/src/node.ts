/**
 * `@facekit/simulator/node`: the simulators as real HTTP servers, one origin per vendor surface,
 * so cross-origin behaviour (popups, COOP, redirects) is real in end-to-end tests.
 */
import { type Listening, listen } from "./internal/listen.ts";
import { createVerisoulSimulator } from "./verisoul/createVerisoulSimulator.ts";
import type { VerisoulSimulator, VerisoulSimulatorOptions } from "./verisoul/types.ts";

/** Options of {@link startSimulators}. */
export interface StartSimulatorsOptions {
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Port of the Verisoul API origin; 0 picks a free port. Default 4010. */
  verisoulApiPort?: number;
  /** Port of the Verisoul hosted-app origin; 0 picks a free port. Default 4011. */
  verisoulAppPort?: number;
  verisoul?: VerisoulSimulatorOptions;
}

/** What {@link startSimulators} started. URLs carry the real port and no trailing slash. */
export interface RunningSimulators {
  verisoul: { apiUrl: string; appUrl: string; simulator: VerisoulSimulator };
  /** Stops every server. */
  close(): Promise<void>;
}

/**
 * Starts the simulators on their own ports.
 * @example
 * const sims = await startSimulators({ verisoulApiPort: 0, verisoulAppPort: 0 });
 * await fetch(`${sims.verisoul.apiUrl}/__simulator/stats`);
 * await sims.close();
 */
export async function startSimulators(
  options: StartSimulatorsOptions = {},
): Promise<RunningSimulators> {
  const host = options.host ?? "127.0.0.1";
  const simulator = createVerisoulSimulator(options.verisoul);
  const started: Listening[] = [];
  const close = async () => {
    await Promise.all(started.map((s) => s.close()));
  };
  try {
    const api = await listen(simulator.api, host, options.verisoulApiPort ?? 4010);
    started.push(api);
    const app = await listen(simulator.app, host, options.verisoulAppPort ?? 4011);
    started.push(app);
    return { verisoul: { apiUrl: api.url, appUrl: app.url, simulator }, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export type { VerisoulSimulator, VerisoulSimulatorOptions } from "./verisoul/types.ts";
