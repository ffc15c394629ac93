import { cliFlags } from "./cliFlags.ts";

/**
 * The text of `facekit-simulator --help`, built from the option table.
 * @example
 * console.info(cliHelp());
 */
export function cliHelp(): string {
  const rows = Object.values(cliFlags).map((f) => {
    const left = `  --${f.flag}${"value" in f ? ` <${f.value}>` : ""}`;
    return `${left.padEnd(36)} ${f.env.padEnd(26)} ${f.help} (default: ${f.fallback})`;
  });
  return `facekit-simulator: local fakes of Verisoul, FaceSign and Didit (APIs and hosted pages)
for developing and testing an app built on @facekit/server, offline and without vendor keys.
Simulated vendors only: it refuses keys that look real (FaceSign sk_prod_/sk_live_; Verisoul and
Didit anything not starting with sim_).

Usage: facekit-simulator [options]        (a flag wins over its environment variable)

${`  option`.padEnd(36)} ${"environment".padEnd(26)} what it does
${rows.join("\n")}
  -h, --help                           show this text

Once listening it prints the lines to put in the app's .env (VERISOUL_BASE_URL,
FACESIGN_BASE_URL, DIDIT_BASE_URL, the keys and FACESIGN_WEBHOOK_SECRET). Scenarios (next
decision, faults, credits...): POST <api>/__simulator/scenario on each vendor's API origin, or
createSimulatorClient() from @facekit/simulator.`;
}
