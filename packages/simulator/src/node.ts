/**
 * `@facekit/simulator/node`: the simulators as real HTTP servers, one origin per vendor surface,
 * so cross-origin behaviour (popups, COOP, redirects) is real in end-to-end tests.
 */

import { defaultDiditKey } from "./didit/createDiditContext.ts";
import { createDiditSimulator } from "./didit/createDiditSimulator.ts";
import type { DiditSimulator, DiditSimulatorOptions } from "./didit/types.ts";
import { defaultFaceSignKey } from "./facesign/createFaceSignContext.ts";
import { createFaceSignSimulator } from "./facesign/createFaceSignSimulator.ts";
import type { FaceSignSimulator, FaceSignSimulatorOptions } from "./facesign/types.ts";
import { type FetchHandler, type Listening, listen } from "./internal/listen.ts";
import {
  createSimulatorEnv,
  type SimulatorEnv,
  simulatorWebhookSecret,
} from "./internal/simulatorEnv.ts";
import { assertSimulatorKeys } from "./internal/simulatorKeys.ts";
import { defaultVerisoulKey } from "./verisoul/createVerisoulContext.ts";
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
  /**
   * Port of the FaceSign API origin; 0 picks a free port. Default 4020, or 0 when both Verisoul
   * ports are 0 (callers written before FaceSign asked for free ports, not for fixed ones).
   */
  facesignApiPort?: number;
  /** Port of the FaceSign hosted-page origin; 0 picks a free port. Default 4021 (0 as above). */
  facesignAppPort?: number;
  /** FaceSign options; `appOrigin` defaults to the real app URL. */
  facesign?: FaceSignSimulatorOptions;
  /** Port of the Didit API origin; 0 picks a free port. Default 4030 (0 as for FaceSign). */
  diditApiPort?: number;
  didit?: DiditSimulatorOptions;
}

/** What {@link startSimulators} started. URLs carry the real port and no trailing slash. */
export interface RunningSimulators {
  verisoul: { apiUrl: string; appUrl: string; simulator: VerisoulSimulator };
  facesign: { apiUrl: string; appUrl: string; simulator: FaceSignSimulator };
  /** Didit has no hosted page here: only its API origin. */
  didit: { apiUrl: string; simulator: DiditSimulator };
  /**
   * What to give `@facekit/server`: base URLs, accepted keys and the webhook secret, under the
   * env variable names the docs use (`VERISOUL_BASE_URL`, `FACESIGN_BASE_URL`, `DIDIT_BASE_URL`...).
   */
  env: SimulatorEnv;
  /** Resets every simulator: sessions, counters, and scenarios back to defaults. */
  reset(): void;
  /** Stops every server. */
  close(): Promise<void>;
}

/**
 * Listens first and creates the FaceSign simulator afterwards, so `clientSecret.url` points at
 * the real hosted-page port even when port 0 was asked for.
 */
async function startFaceSign(
  host: string,
  options: StartSimulatorsOptions,
  started: Listening[],
): Promise<RunningSimulators["facesign"]> {
  const ephemeral = options.verisoulApiPort === 0 && options.verisoulAppPort === 0;
  let simulator: FaceSignSimulator | undefined;
  const late =
    (pick: (s: FaceSignSimulator) => FetchHandler): FetchHandler =>
    (req) =>
      simulator ? pick(simulator)(req) : Promise.resolve(new Response(null, { status: 503 }));
  const api = await listen(
    late((s) => s.api),
    host,
    options.facesignApiPort ?? (ephemeral ? 0 : 4020),
  );
  started.push(api);
  const app = await listen(
    late((s) => s.app),
    host,
    options.facesignAppPort ?? (ephemeral ? 0 : 4021),
  );
  started.push(app);
  simulator = createFaceSignSimulator({ appOrigin: app.url, ...options.facesign });
  return { apiUrl: api.url, appUrl: app.url, simulator };
}

function envOf(
  options: StartSimulatorsOptions,
  urls: Omit<RunningSimulators, "env" | "reset" | "close">,
) {
  return createSimulatorEnv({
    verisoul: { ...urls.verisoul, apiKey: options.verisoul?.apiKeys?.[0] ?? defaultVerisoulKey },
    facesign: {
      apiUrl: urls.facesign.apiUrl,
      apiKey: defaultFaceSignKey,
      webhookSecret: options.facesign?.webhookSecret ?? simulatorWebhookSecret,
    },
    didit: { apiUrl: urls.didit.apiUrl, apiKey: options.didit?.apiKeys?.[0] ?? defaultDiditKey },
  });
}

/**
 * Starts the simulators on their own ports. Refuses (throws) when `verisoul.apiKeys` or
 * `didit.apiKeys` holds a key that could be a real vendor key (anything not starting `sim_`).
 * @example
 * const sims = await startSimulators({
 *   verisoulApiPort: 0,
 *   verisoulAppPort: 0,
 *   facesignApiPort: 0,
 *   facesignAppPort: 0,
 *   diditApiPort: 0,
 * });
 * await fetch(`${sims.verisoul.apiUrl}/__simulator/stats`);
 * await sims.close();
 */
export async function startSimulators(
  options: StartSimulatorsOptions = {},
): Promise<RunningSimulators> {
  const host = options.host ?? "127.0.0.1";
  const { didit: diditOptions } = options;
  assertSimulatorKeys({
    verisoul: options.verisoul?.apiKeys,
    didit: [...(diditOptions?.apiKeys ?? []), ...(diditOptions?.sandboxKeys ?? [])],
  });
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
    const facesign = await startFaceSign(host, options, started);
    const ephemeral = options.verisoulApiPort === 0 && options.verisoulAppPort === 0;
    const didit = createDiditSimulator(options.didit);
    const diditApi = await listen(didit.api, host, options.diditApiPort ?? (ephemeral ? 0 : 4030));
    started.push(diditApi);
    const urls = {
      verisoul: { apiUrl: api.url, appUrl: app.url, simulator },
      facesign,
      didit: { apiUrl: diditApi.url, simulator: didit },
    };
    const reset = () => {
      simulator.reset();
      facesign.simulator.reset();
      didit.reset();
    };
    return { ...urls, env: envOf(options, urls), reset, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export {
  createOversizeJpeg,
  type DiditFixturePaths,
  diditFixturePaths,
} from "./didit/diditFixtures.ts";
export type { DiditSimulator, DiditSimulatorOptions } from "./didit/types.ts";
export type { FaceSignSimulator, FaceSignSimulatorOptions } from "./facesign/types.ts";
export type { VerisoulSimulator, VerisoulSimulatorOptions } from "./verisoul/types.ts";
