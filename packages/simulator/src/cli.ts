#!/usr/bin/env -S tsx --conditions=@facekit/source
/**
 * Starts the simulators and prints their URLs. Ports: `VERISOUL_SIM_API_PORT` (4010),
 * `VERISOUL_SIM_APP_PORT` (4011), `FACESIGN_SIM_API_PORT` (4020), `FACESIGN_SIM_APP_PORT` (4021),
 * `DIDIT_SIM_API_PORT` (4030);
 * bind address: `SIMULATOR_HOST` (127.0.0.1).
 * @example
 * // pnpm --filter @facekit/simulator start
 */
import { defaultDiditKey } from "./didit/createDiditContext.ts";
import { defaultFaceSignKey } from "./facesign/createFaceSignContext.ts";
import { startSimulators } from "./node.ts";

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return value;
}

const running = await startSimulators({
  host: process.env.SIMULATOR_HOST || undefined,
  verisoulApiPort: port("VERISOUL_SIM_API_PORT", 4010),
  verisoulAppPort: port("VERISOUL_SIM_APP_PORT", 4011),
  facesignApiPort: port("FACESIGN_SIM_API_PORT", 4020),
  facesignAppPort: port("FACESIGN_SIM_APP_PORT", 4021),
  diditApiPort: port("DIDIT_SIM_API_PORT", 4030),
});
const { apiUrl, appUrl } = running.verisoul;
console.info(`Verisoul simulator API: ${apiUrl}`);
console.info(`Verisoul simulator app: ${appUrl}`);
console.info(`Scenario control:       ${apiUrl}/__simulator/scenario`);
console.info(`API key:                sim_verisoul_key`);
const facesign = running.facesign;
console.info(`FaceSign simulator API: ${facesign.apiUrl}`);
console.info(`FaceSign hosted page:   ${facesign.appUrl}`);
console.info(`Scenario control:       ${facesign.apiUrl}/__simulator/scenario`);
console.info(`API key:                ${defaultFaceSignKey} (any sk_test_/sk_prod_ key)`);
const didit = running.didit;
console.info(`Didit simulator API:    ${didit.apiUrl} (POST /v3/face-match/)`);
console.info(`Scenario control:       ${didit.apiUrl}/__simulator/scenario`);
console.info(`API key:                ${defaultDiditKey}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
