/**
 * `npm run test:examples`: the example apps tested as users install them. Packs FaceKit
 * (`npm run pack`), installs each example from the tarballs with npm (skipped while the example's
 * package.json and the tarballs are unchanged), typechecks and builds it (`next build` with no
 * secret set, `vite build`), starts the simulators and each example's production server on free
 * ports, and walks them in Chromium (examples/e2e). Playwright's JSON report goes to
 * `PLAYWRIGHT_JSON_OUTPUT_NAME` (default test-results/examples.json).
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { pathToFileURL } from "node:url";
import { ensureChromium, ensureInstalled, root } from "./bootstrap.mjs";
import { installExample } from "./installExample.mjs";
import { pack } from "./pack.mjs";

const examples = `${root}examples`;
const report = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? `${root}test-results/examples.json`;
const children = [];
/** Seconds each phase took, printed at the end (the step's cost in CI). */
const phases = [];
let mark = Date.now();
function phase(name) {
  phases.push(`${name} ${((Date.now() - mark) / 1000).toFixed(1)}s`);
  mark = Date.now();
}

/** `count` distinct ports nothing listens on right now (all held open until each is known). */
async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const server = createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function run(name, command, args, cwd, env = process.env) {
  console.info(`\n[examples] ${name}`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${name} failed`);
}

/** Starts a long-running process and resolves once `url` answers. */
async function start(name, command, args, cwd, env, url) {
  const child = spawn(command, args, {
    cwd,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env },
  });
  children.push(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const up = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer at ${url} within 60 s`);
}

/**
 * The vendors' simulators (`npm run simulator`) on free ports, and the variables they print for
 * the app (`NAME=value` lines): exactly what the README tells a developer to copy into `.env`.
 */
async function startSimulators() {
  const [verisoulApi, verisoulApp, facesignApi, facesignApp, diditApi] = await freePorts(5);
  const child = spawn(
    process.execPath,
    ["--conditions=@facekit/source", "--import", "tsx", "packages/simulator/src/cli.ts"],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...cleanEnv(),
        VERISOUL_SIM_API_PORT: String(verisoulApi),
        VERISOUL_SIM_APP_PORT: String(verisoulApp),
        FACESIGN_SIM_API_PORT: String(facesignApi),
        FACESIGN_SIM_APP_PORT: String(facesignApp),
        DIDIT_SIM_API_PORT: String(diditApi),
      },
    },
  );
  children.push(child);
  const printed = await new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error("the simulators printed no env")), 60_000);
    child.once("exit", (code) => reject(new Error(`the simulators exited with ${code}`)));
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      text += chunk;
      if (/^DIDIT_API_KEY=/m.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
  const env = Object.fromEntries(
    [...printed.matchAll(/^([A-Z_]+)=(\S+)$/gm)].map((match) => [match[1], match[2]]),
  );
  // The Vite + Express example's CSP lets in FaceSign's hosted page: here, the simulator's.
  return { ...env, FACESIGN_PAGE_ORIGIN: `http://127.0.0.1:${facesignApp}` };
}

/** This process's env without FaceKit's variables, as in a CI or Docker build. */
function cleanEnv() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of Object.keys(env)) {
    if (/^(FACEKIT|VERISOUL|FACESIGN|DIDIT)_/.test(name)) delete env[name];
  }
  return env;
}

async function main() {
  // A report left from an earlier run must not count for this one if a step before the walk fails.
  rmSync(report, { force: true });
  ensureInstalled();
  ensureChromium();
  pack();
  phase("pack");
  const next = `${examples}/next`;
  const vite = `${examples}/vite-express`;
  for (const dir of [next, vite]) installExample(dir);
  phase("install");

  const tsc = (dir) => [`${dir}/node_modules/typescript/bin/tsc`, "-p", `${dir}/tsconfig.json`];
  run("vite-express: tsc", process.execPath, tsc(vite), vite);
  const nextBin = `${next}/node_modules/next/dist/bin/next`;
  run(
    "next build (no FaceKit variables set)",
    process.execPath,
    [nextBin, "build"],
    next,
    cleanEnv(),
  );
  run("vite build", process.execPath, [`${vite}/node_modules/vite/bin/vite.js`, "build"], vite);
  phase("typecheck + build");

  const vendors = await startSimulators();
  const secret = randomBytes(32).toString("hex");
  const [nextPort, vitePort] = await freePorts(2);
  const appEnv = (port) => ({
    ...vendors,
    FACEKIT_SECRET: secret,
    APP_URL: `http://localhost:${port}`,
    PORT: String(port),
    NODE_ENV: "production",
  });
  await start(
    "next start",
    process.execPath,
    [nextBin, "start", "-p", String(nextPort), "-H", "localhost"],
    next,
    appEnv(nextPort),
    `http://localhost:${nextPort}/`,
  );
  await start(
    "vite-express (production)",
    process.execPath,
    [`${vite}/node_modules/tsx/dist/cli.mjs`, "server/index.ts"],
    vite,
    appEnv(vitePort),
    `http://localhost:${vitePort}/`,
  );

  phase("start");
  const walk = spawnSync(
    `${root}node_modules/.bin/playwright`,
    ["test", "-c", "examples/e2e/playwright.config.ts"],
    {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        NEXT_URL: `http://localhost:${nextPort}`,
        VITE_URL: `http://localhost:${vitePort}`,
        VERISOUL_APP_BASE_URL: vendors.VERISOUL_APP_BASE_URL,
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      },
    },
  );
  phase("browser walk");
  return walk.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    console.error(`[examples] ${error instanceof Error ? error.message : error}`);
  } finally {
    for (const child of children) child.kill("SIGTERM");
  }
  console.info(
    `[examples] ${phases.join(", ")}; ${((Date.now() - started) / 1000).toFixed(1)}s in all`,
  );
  process.exit(code);
}
