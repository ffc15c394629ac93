import { type RunningSimulators, startSimulators } from "../../node.ts";
import { formatEnvLines } from "../simulatorEnv.ts";
import { cliHelp } from "./cliHelp.ts";
import { type CliOptions, CliUsageError, parseCliOptions } from "./parseCliOptions.ts";

function start(options: CliOptions): Promise<RunningSimulators> {
  const rateLimitPerMinute = options.rateLimit ?? undefined;
  return startSimulators({
    host: options.host,
    verisoulApiPort: options.ports.verisoulApi,
    verisoulAppPort: options.ports.verisoulApp,
    facesignApiPort: options.ports.facesignApi,
    facesignAppPort: options.ports.facesignApp,
    diditApiPort: options.ports.diditApi,
    verisoul: { apiKeys: [options.keys.verisoul], rateLimitPerMinute },
    facesign: {
      webhookSecret: options.webhookSecret,
      ...(options.webhookUrl ? { webhookUrl: options.webhookUrl } : {}),
      rateLimitPerMinute,
    },
    didit: { apiKeys: [options.keys.didit], credits: options.diditCredits, rateLimitPerMinute },
  });
}

function describe(running: RunningSimulators, options: CliOptions): string {
  const env = { ...running.env, FACESIGN_API_KEY: options.keys.facesign };
  const control = (url: string) => `${url}/__simulator/scenario`;
  return `FaceKit simulators listening (simulated vendors, never production):
  Verisoul  API ${running.verisoul.apiUrl}   hosted page ${running.verisoul.appUrl}
  FaceSign  API ${running.facesign.apiUrl}   hosted page ${running.facesign.appUrl}
  Didit     API ${running.didit.apiUrl}
  FaceSign webhooks: ${options.webhookUrl ?? "off (--facesign-webhook-url)"}
  Scenario control: ${control(running.verisoul.apiUrl)}, ${control(running.facesign.apiUrl)}, ${control(running.didit.apiUrl)}

# Point @facekit/server at the simulators: put these in the app's .env
${formatEnvLines(env)}
`;
}

/**
 * The `facekit-simulator` command: reads flags and environment, starts the simulators, prints
 * the `.env` lines for the app, and stops on SIGINT/SIGTERM. Exit code 2 on a bad command line
 * or a real-looking key.
 * @example
 * await runCli(process.argv.slice(2), process.env);
 */
export async function runCli(argv: string[], env: Record<string, string | undefined>) {
  let options: CliOptions | "help";
  try {
    options = parseCliOptions(argv, env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`facekit-simulator: ${error.message}`);
    process.exit(2);
  }
  if (options === "help") {
    console.info(cliHelp());
    return;
  }
  const running = await start(options);
  const scenario = { latencyMs: options.latencyMs, failNext: options.failNext };
  running.verisoul.simulator.setScenario(scenario);
  running.facesign.simulator.setScenario(scenario);
  running.didit.simulator.setScenario(scenario);
  console.info(describe(running, options));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void running.close().then(() => process.exit(0)));
  }
}
