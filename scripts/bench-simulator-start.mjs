/**
 * `node scripts/bench-simulator-start.mjs`: how fast the published `facekit-simulator` command
 * starts (issue: "it starts in well under a second"). Spawns the built CLI as a user runs it
 * (`bin/facekit-simulator.js` -> `dist/esm/cli.js`, no tsx) with `--free-ports`, and times from
 * the spawn to (a) the printed `.env` lines and (b) every printed origin answering HTTP. Prints
 * median and max beside the goal and exits 1 when the median to (b) is over the goal.
 * Needs `pnpm --filter @facekit/simulator build` first (the test command's build step).
 * Env: `BENCH_RUNS` (default 7), `BENCH_WARMUP` (untimed runs first, default 1),
 * `BENCH_GOAL_MS` (default 1000).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { printTable } from "./printTable.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = `${root}packages/simulator/bin/facekit-simulator.js`;
const runs = Number(process.env.BENCH_RUNS) || 7;
const warmup = Number(process.env.BENCH_WARMUP ?? 1);
const goalMs = Number(process.env.BENCH_GOAL_MS) || 1000;
/** The origins the CLI prints; each must answer HTTP before the simulator counts as started. */
const origins = [
  "VERISOUL_BASE_URL",
  "VERISOUL_APP_BASE_URL",
  "FACESIGN_BASE_URL",
  "DIDIT_BASE_URL",
];

if (!existsSync(`${root}packages/simulator/dist/esm/cli.js`)) {
  console.error("No built simulator: run `pnpm --filter @facekit/simulator build` first.");
  process.exit(1);
}

/** The caller's env without simulator settings (a real key there would make the CLI refuse). */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(VERISOUL|FACESIGN|DIDIT|SIMULATOR)_/.test(k)),
);

/** Resolves with the `NAME=value` lines once every origin has been printed. */
function envLines(child) {
  let output = "";
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.stdout.on("data", (d) => {
      output += d;
      const env = Object.fromEntries(
        output
          .split("\n")
          .map((l) => /^([A-Z_]+)=(\S+)$/.exec(l))
          .filter(Boolean)
          .map((m) => [m[1], m[2]]),
      );
      if (origins.every((name) => env[name])) resolve(env);
    });
    child.once("exit", (code) => reject(new Error(`the CLI exited (${code}):\n${output}`)));
  });
}

/** One start: ms to the printed env lines and ms until every origin answered. */
async function startOnce() {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "--free-ports"], {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const env = await envLines(child);
    const printed = performance.now() - started;
    // Any HTTP status counts: the point is that the port is served.
    await Promise.all(origins.map((name) => fetch(`${env[name]}/__simulator/stats`)));
    return { printed, answered: performance.now() - started };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/** Plain `node` with an empty script: the floor no CLI can go below. */
async function nodeAlone() {
  const started = performance.now();
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return performance.now() - started;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;

for (let i = 0; i < warmup; i++) await startOnce();
const results = [];
const floor = [];
for (let i = 0; i < runs; i++) {
  results.push(await startOnce());
  floor.push(await nodeAlone());
}

printTable(
  results.map((r, i) => ({
    run: i + 1,
    "env printed": ms(r.printed),
    "ports answer": ms(r.answered),
  })),
);
const answered = results.map((r) => r.answered);
const printed = results.map((r) => r.printed);
printTable([
  {
    measure: "spawn -> .env lines printed",
    median: ms(median(printed)),
    max: ms(Math.max(...printed)),
  },
  {
    measure: "spawn -> all 4 origins answer HTTP",
    median: ms(median(answered)),
    max: ms(Math.max(...answered)),
  },
  { measure: "node -e '' (floor)", median: ms(median(floor)), max: ms(Math.max(...floor)) },
]);
const ok = median(answered) <= goalMs;
console.info(
  `\n${ok ? "ok" : "FAIL"}: median start ${ms(median(answered))} vs goal ${ms(goalMs)} ("well under a second"), ${runs} runs`,
);
process.exit(ok ? 0 : 1);
