import { parseArgs } from "node:util";
import type { FailNext } from "../injectFault.ts";
import { simulatorKeyProblem } from "../simulatorKeys.ts";
import { type CliFlagName, cliFlags } from "./cliFlags.ts";

/** What the command was asked to do, every value checked. */
export interface CliOptions {
  host: string;
  ports: {
    verisoulApi: number;
    verisoulApp: number;
    facesignApi: number;
    facesignApp: number;
    diditApi: number;
  };
  keys: { verisoul: string; facesign: string; didit: string };
  webhookUrl: string | null;
  webhookSecret: string;
  latencyMs: number;
  failNext: FailNext | null;
  rateLimit: number | null;
  diditCredits: number;
}

/** A command line the simulator cannot start with; the message names the flag or variable. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

type Raw = (name: CliFlagName) => { value: string; from: string } | null;

function integer(raw: Raw, name: CliFlagName, max: number): number | null {
  const got = raw(name);
  if (!got) return null;
  const value = Number(got.value);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new CliUsageError(`${got.from} must be an integer from 0 to ${max}, got "${got.value}"`);
  }
  return value;
}

function failNext(raw: Raw): FailNext | null {
  const got = raw("failNext");
  if (!got) return null;
  const match = /^(429|500|503)(?:x(\d{1,4}))?$/.exec(got.value);
  if (!match)
    throw new CliUsageError(`${got.from} must be 429, 500 or 503, optionally xN (e.g. 503x2)`);
  return { status: Number(match[1]) as FailNext["status"], count: Number(match[2] ?? 1) };
}

function key(raw: Raw, name: CliFlagName, vendor: keyof CliOptions["keys"]): string {
  const got = raw(name);
  if (!got) return cliFlags[name].fallback;
  const problem = simulatorKeyProblem(vendor, got.value);
  if (problem) throw new CliUsageError(`Refusing to start: ${got.from}: ${problem}.`);
  return got.value;
}

function webhookUrl(raw: Raw): string | null {
  const got = raw("webhookUrl");
  if (!got) return null;
  const url = URL.canParse(got.value) ? new URL(got.value) : null;
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new CliUsageError(`${got.from} must be an absolute http(s) URL, got "${got.value}"`);
  }
  return url.href;
}

/**
 * Reads the command line, then the environment (a flag wins over its variable; an empty
 * variable counts as unset). Answers `"help"` for `--help`.
 * @example
 * const options = parseCliOptions(process.argv.slice(2), process.env);
 */
export function parseCliOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): CliOptions | "help" {
  const spec = Object.fromEntries(
    Object.values(cliFlags).map((f) => [f.flag, { type: "value" in f ? "string" : "boolean" }]),
  ) as Record<string, { type: "string" | "boolean" }>;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: { ...spec, help: { type: "boolean", short: "h" } },
    }).values;
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message} (see --help)`);
  }
  if (values.help) return "help";
  const raw: Raw = (name) => {
    const { flag, env: variable } = cliFlags[name];
    const fromFlag = values[flag];
    if (typeof fromFlag === "string") return { value: fromFlag, from: `--${flag}` };
    if (fromFlag === true) return { value: "1", from: `--${flag}` };
    const fromEnv = env[variable];
    return fromEnv ? { value: fromEnv, from: variable } : null;
  };
  const free = raw("freePorts") !== null && raw("freePorts")?.value !== "0";
  const port = (name: CliFlagName) =>
    integer(raw, name, 65535) ?? (free ? 0 : Number(cliFlags[name].fallback));
  return {
    host: raw("host")?.value ?? cliFlags.host.fallback,
    ports: {
      verisoulApi: port("verisoulApiPort"),
      verisoulApp: port("verisoulAppPort"),
      facesignApi: port("facesignApiPort"),
      facesignApp: port("facesignAppPort"),
      diditApi: port("diditApiPort"),
    },
    keys: {
      verisoul: key(raw, "verisoulKey", "verisoul"),
      facesign: key(raw, "facesignKey", "facesign"),
      didit: key(raw, "diditKey", "didit"),
    },
    webhookUrl: webhookUrl(raw),
    webhookSecret: raw("webhookSecret")?.value ?? cliFlags.webhookSecret.fallback,
    latencyMs: integer(raw, "latencyMs", 600_000) ?? 0,
    failNext: failNext(raw),
    rateLimit: integer(raw, "rateLimit", 1_000_000),
    diditCredits: integer(raw, "diditCredits", 1_000_000_000) ?? 1000,
  };
}
