/**
 * The whole test suite, as one command (`npm test`): install, typecheck, lint and format, unused
 * code (knip), unit tests (node + jsdom), type tests (`*.test-d.ts`), package build and shape
 * (publint, attw), size budget, benchmarks, browser tests (Playwright end to end, Vitest browser
 * mode, Storybook stories in Chromium). Ends with a plain `N passed, N failed`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium, ensureInstalled, ensureRedis, root } from "./bootstrap.mjs";

ensureInstalled();
ensureChromium();
ensureRedis();

const bin = (name) => `${root}node_modules/.bin/${name}`;
const results = `${root}test-results`;
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const published = ["core", "react", "server", "simulator", "testing"];

/** A step counts its tests from a JSON report when it has one; otherwise it is one check. */
const steps = [
  { name: "typecheck", cmd: bin("pnpm"), args: ["-r", "--no-bail", "typecheck"] },
  { name: "typecheck (tooling)", cmd: bin("tsc"), args: ["-p", "tsconfig.json"] },
  { name: "lint + format", cmd: bin("biome"), args: ["ci", "."] },
  { name: "unused files, exports and dependencies (knip)", cmd: bin("knip"), args: [] },
  {
    name: "unit tests (node, jsdom)",
    cmd: bin("vitest"),
    args: [
      "run",
      "--project",
      "node",
      "--project",
      "dom",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${results}/unit.json`,
    ],
    report: { file: `${results}/unit.json`, kind: "vitest" },
  },
  {
    name: "type tests (Vitest typecheck, tsc)",
    cmd: bin("vitest"),
    args: [
      "run",
      "--project",
      "types",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${results}/types.json`,
    ],
    report: { file: `${results}/types.json`, kind: "vitest" },
  },
  { name: "build packages", cmd: bin("pnpm"), args: ["-r", "--filter", "./packages/*", "build"] },
  {
    name: "'use client' atop @facekit/react's built files",
    cmd: process.execPath,
    args: ["scripts/check-client-directive.mjs"],
  },
  {
    name: "edge runtime (built @facekit/server in edge-runtime)",
    cmd: bin("vitest"),
    args: ["run", "--project", "node", "packages/server/src/edgeRuntime.test.ts"],
    env: { FACEKIT_EDGE_DIST: "1" },
  },
  ...published.map((p) => ({
    name: `publint @facekit/${p}`,
    cmd: bin("publint"),
    args: ["--strict", `packages/${p}`],
  })),
  ...published.map((p) => ({
    name: `attw @facekit/${p}`,
    cmd: bin("attw"),
    args: ["--pack", `packages/${p}`, "--profile", "esm-only", "--format", "ascii"],
  })),
  { name: "size budget", cmd: process.execPath, args: ["scripts/size.mjs"] },
  { name: "image pipeline benchmark", cmd: process.execPath, args: ["scripts/bench-image.mjs"] },
  {
    name: "simulator CLI start-up benchmark (built, spawn -> ports answer, goal 1 s)",
    cmd: process.execPath,
    args: ["scripts/bench-simulator-start.mjs"],
  },
  {
    name: "FaceSign mount benchmark (embed vs hand-written)",
    cmd: process.execPath,
    args: ["scripts/bench-mount.mjs"],
  },
  {
    name: "shared store benchmark (2 instances on Redis vs memory, 200 req/s)",
    cmd: process.execPath,
    args: ["scripts/bench-store.mjs"],
    env: { BENCH_SECONDS: "10" }, // `npm run bench:store` runs the 30 s
  },
  {
    name: "upload memory benchmark (20 uploads of two 5 MB JPEGs, FaceKit vs a streaming proxy)",
    cmd: process.execPath,
    args: ["scripts/bench-upload.mjs"],
  },
  {
    name: "browser tests (Playwright, Chromium)",
    cmd: bin("playwright"),
    args: ["test"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/e2e.json` },
    report: { file: `${results}/e2e.json`, kind: "playwright" },
  },
  {
    name: "example apps (packed, npm-installed, built, walked in Chromium)",
    cmd: process.execPath,
    args: ["scripts/test-examples.mjs"],
    env: {
      FACEKIT_PACKAGES_BUILT: "1", // "build packages" above has built them
      PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/examples.json`,
    },
    report: { file: `${results}/examples.json`, kind: "playwright" },
  },
  {
    name: "README code blocks compile (packed packages) or are the examples' files",
    cmd: process.execPath,
    args: ["scripts/check-snippets.mjs"],
    env: { SNIPPETS_JSON_OUTPUT_NAME: `${results}/snippets.json` },
    report: { file: `${results}/snippets.json`, kind: "vitest" },
  },
  {
    name: "static Storybook with no backend (built, plain file server, Chromium)",
    cmd: bin("playwright"),
    args: ["test", "-c", "e2e-static/playwright.config.ts"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/storybook-static.json` },
    report: { file: `${results}/storybook-static.json`, kind: "playwright" },
  },
  {
    name: "component tests in Chromium (Vitest browser mode, @facekit/testing/backend)",
    cmd: bin("vitest"),
    args: [
      "run",
      "--project",
      "browser",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${results}/browser.json`,
    ],
    report: { file: `${results}/browser.json`, kind: "vitest" },
  },
  {
    name: "story tests (Storybook, Chromium)",
    cmd: bin("vitest"),
    args: [
      "run",
      "--project",
      "storybook",
      "--project",
      "storybook-dark",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${results}/stories.json`,
    ],
    report: { file: `${results}/stories.json`, kind: "vitest" },
  },
];

function count(report) {
  if (!existsSync(report.file)) return null;
  const json = JSON.parse(readFileSync(report.file, "utf8"));
  if (report.kind === "vitest") {
    return { passed: json.numPassedTests, failed: json.numFailedTests };
  }
  const s = json.stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected + (json.errors?.length ?? 0) };
}

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  console.info(`\n=== ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...step.env, FORCE_COLOR: "0" },
  });
  const ok = run.status === 0;
  const counted = step.report ? count(step.report) : null;
  const p = counted ? counted.passed : ok ? 1 : 0;
  // A runner that failed without a failing test (crash, bad config) still counts as a failure.
  const f = counted && (counted.failed > 0 || ok) ? counted.failed : ok ? 0 : 1;
  passed += p;
  failed += f;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  summary.push(
    `${ok && f === 0 ? "ok  " : "FAIL"} ${step.name}: ${p} passed, ${f} failed (${secs}s)`,
  );
}

console.info(`\n${summary.join("\n")}\n`);
console.info(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
