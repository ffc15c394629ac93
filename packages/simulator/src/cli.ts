#!/usr/bin/env -S tsx --conditions=@facekit/source
/**
 * Starts the simulators and prints their URLs. Ports: `VERISOUL_SIM_API_PORT` (4010) and
 * `VERISOUL_SIM_APP_PORT` (4011); bind address: `SIMULATOR_HOST` (127.0.0.1).
 * @example
 * // pnpm --filter @facekit/simulator start
 */
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
});
const { apiUrl, appUrl } = running.verisoul;
console.info(`Verisoul simulator API: ${apiUrl}`);
console.info(`Verisoul simulator app: ${appUrl}`);
console.info(`Scenario control:       ${apiUrl}/__simulator/scenario`);
console.info(`API key:                sim_verisoul_key`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
