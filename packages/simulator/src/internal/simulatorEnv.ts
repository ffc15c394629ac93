/**
 * The environment variables that point an app's `@facekit/server` at running simulators. The
 * names are the ones the README, the examples and the demo read, so one `.env` serves them all.
 */

/** `NAME -> value` lines for the app's `.env`, as the CLI prints them. */
export interface SimulatorEnv {
  VERISOUL_BASE_URL: string;
  /** Verisoul's hosted capture page (server option `verisoul.appBaseUrl`). */
  VERISOUL_APP_BASE_URL: string;
  VERISOUL_API_KEY: string;
  FACESIGN_BASE_URL: string;
  FACESIGN_API_KEY: string;
  /** Signs the simulator's FaceSign webhooks (server option `facesign.webhookSecret`). */
  FACESIGN_WEBHOOK_SECRET: string;
  DIDIT_BASE_URL: string;
  DIDIT_API_KEY: string;
}

/** What {@link createSimulatorEnv} needs: the origins and the keys the simulators accept. */
export interface SimulatorEnvInput {
  verisoul: { apiUrl: string; appUrl: string; apiKey: string };
  facesign: { apiUrl: string; apiKey: string; webhookSecret: string };
  didit: { apiUrl: string; apiKey: string };
}

/**
 * Builds the `.env` entries for simulators that are listening.
 * @example
 * createSimulatorEnv({ verisoul: { apiUrl, appUrl, apiKey: "sim_verisoul_key" }, facesign, didit });
 */
export function createSimulatorEnv(input: SimulatorEnvInput): SimulatorEnv {
  return {
    VERISOUL_BASE_URL: input.verisoul.apiUrl,
    VERISOUL_APP_BASE_URL: input.verisoul.appUrl,
    VERISOUL_API_KEY: input.verisoul.apiKey,
    FACESIGN_BASE_URL: input.facesign.apiUrl,
    FACESIGN_API_KEY: input.facesign.apiKey,
    FACESIGN_WEBHOOK_SECRET: input.facesign.webhookSecret,
    DIDIT_BASE_URL: input.didit.apiUrl,
    DIDIT_API_KEY: input.didit.apiKey,
  };
}

/**
 * The entries as `.env` lines.
 * @example
 * console.info(formatEnvLines(running.env)); // "VERISOUL_BASE_URL=http://127.0.0.1:4010\n…"
 */
export function formatEnvLines(env: SimulatorEnv): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join("\n");
}

/** The FaceSign simulator's default webhook signing secret (its option `webhookSecret`). */
export const simulatorWebhookSecret = "whsec_facekit_simulator";
