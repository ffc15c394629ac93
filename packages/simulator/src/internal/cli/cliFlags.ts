import { defaultDiditKey } from "../../didit/createDiditContext.ts";
import { defaultFaceSignKey } from "../../facesign/createFaceSignContext.ts";
import { defaultVerisoulKey } from "../../verisoul/createVerisoulContext.ts";
import { simulatorWebhookSecret } from "../simulatorEnv.ts";

/**
 * Every option of the `facekit-simulator` command: its flag, its environment variable, its
 * default and what it does. One table feeds the parser and `--help`.
 */

/** One option of the command. */
export interface CliFlag {
  flag: string;
  env: string;
  /** Placeholder shown in `--help`; absent for a switch. */
  value?: string;
  fallback: string;
  help: string;
}

export const cliFlags = {
  host: {
    flag: "host",
    env: "SIMULATOR_HOST",
    value: "addr",
    fallback: "127.0.0.1",
    help: "interface to bind (0.0.0.0 for a container)",
  },
  freePorts: {
    flag: "free-ports",
    env: "SIMULATOR_FREE_PORTS",
    fallback: "off",
    help: "every port 0: the system picks free ports (CI)",
  },
  verisoulApiPort: {
    flag: "verisoul-api-port",
    env: "VERISOUL_SIM_API_PORT",
    value: "port",
    fallback: "4010",
    help: "Verisoul API",
  },
  verisoulAppPort: {
    flag: "verisoul-app-port",
    env: "VERISOUL_SIM_APP_PORT",
    value: "port",
    fallback: "4011",
    help: "Verisoul hosted capture page",
  },
  facesignApiPort: {
    flag: "facesign-api-port",
    env: "FACESIGN_SIM_API_PORT",
    value: "port",
    fallback: "4020",
    help: "FaceSign API",
  },
  facesignAppPort: {
    flag: "facesign-app-port",
    env: "FACESIGN_SIM_APP_PORT",
    value: "port",
    fallback: "4021",
    help: "FaceSign hosted page",
  },
  diditApiPort: {
    flag: "didit-api-port",
    env: "DIDIT_SIM_API_PORT",
    value: "port",
    fallback: "4030",
    help: "Didit API",
  },
  verisoulKey: {
    flag: "verisoul-key",
    env: "VERISOUL_API_KEY",
    value: "key",
    fallback: defaultVerisoulKey,
    help: "key the Verisoul simulator accepts (must start sim_)",
  },
  facesignKey: {
    flag: "facesign-key",
    env: "FACESIGN_API_KEY",
    value: "key",
    fallback: defaultFaceSignKey,
    help: "FaceSign key to print (any sk_test_ key works; sk_prod_ refused)",
  },
  diditKey: {
    flag: "didit-key",
    env: "DIDIT_API_KEY",
    value: "key",
    fallback: defaultDiditKey,
    help: "key the Didit simulator accepts (must start sim_)",
  },
  webhookUrl: {
    flag: "facesign-webhook-url",
    env: "FACESIGN_SIM_WEBHOOK_URL",
    value: "url",
    fallback: "none",
    help: "where FaceSign's signed session.status webhooks go (the app's …/facesign/webhook)",
  },
  webhookSecret: {
    flag: "facesign-webhook-secret",
    env: "FACESIGN_WEBHOOK_SECRET",
    value: "secret",
    fallback: simulatorWebhookSecret,
    help: "HMAC key of X-FaceSign-Signature (the server's facesign.webhookSecret)",
  },
  latencyMs: {
    flag: "latency-ms",
    env: "SIMULATOR_LATENCY_MS",
    value: "ms",
    fallback: "0",
    help: "added to every vendor response",
  },
  failNext: {
    flag: "fail-next",
    env: "SIMULATOR_FAIL_NEXT",
    value: "status[xN]",
    fallback: "none",
    help: "the next N calls to each vendor fail with 429, 500 or 503 (e.g. 503x2)",
  },
  rateLimit: {
    flag: "rate-limit",
    env: "SIMULATOR_RATE_LIMIT",
    value: "n",
    fallback: "vendor's",
    help: "calls per minute per key before 429 (Verisoul 300, FaceSign 100, Didit 300)",
  },
  diditCredits: {
    flag: "didit-credits",
    env: "DIDIT_SIM_CREDITS",
    value: "n",
    fallback: "1000",
    help: "Didit face-match credits (0: every compare answers 403)",
  },
} satisfies Record<string, CliFlag>;

/** Names of the command's options. */
export type CliFlagName = keyof typeof cliFlags;
