/**
 * `npm run bench:mount`: in Chromium, the time from mounting to the FaceSign iframe's `load` event,
 * for `<FaceSignEmbed>` and for a hand-written component doing the same work (mint a session in
 * an effect, then render the iframe), against the same backend and FaceSign simulator: the e2e
 * harness (e2e/server.ts, page e2e/app/mount.tsx), started here on ports of its own
 * (`E2E_PORT_OFFSET`, default 300) so that a Playwright run can go on beside it.
 * By default the page is a production build (what a customer ships; React's development build
 * spends several times longer per render), served from a temp dir by a small server here that
 * passes `/api/` on to the harness; `--dev` loads it from the harness's Vite dev server instead.
 * Each run is a first visit (a new browser context); `--warm` keeps one context (HTTP and code
 * caches, open connections) and opens a new page per run.
 * Alternates the two (ABBA) after warm-ups and prints median and p90 of each and the ratio
 * embed/hand. Exits 1 when the embed is slower beyond noise: the whole 95% bootstrap interval of
 * the ratio of medians (mount -> iframe load) above 1.10. The iframe's own page load dominates and
 * varies, so one median on a shared machine cannot resolve 10%; the interval can.
 * Env: `BENCH_RUNS` (per implementation, default 15), `BENCH_WARMUP` (default 2).
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { Agent, createServer as createHttpServer, request } from "node:http";
import { createServer } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { tsImport } from "tsx/esm/api";
import { build } from "vite";
import { printTable } from "./printTable.mjs";

process.env.E2E_PORT_OFFSET ??= "300";
const { chromiumArgs, chromiumPath, sourceResolve } = await tsImport(
  "../vite.shared.ts",
  import.meta.url,
);
const { e2ePorts } = await tsImport("../e2e/ports.ts", import.meta.url);

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.env.BENCH_RUNS) || 15;
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const maxRatio = 1.1;
const impls = ["embed", "hand"];
const dev = process.argv.includes("--dev");
const warm = process.argv.includes("--warm");
const harness = `http://localhost:${e2ePorts.app}`;
const facesignApi = `http://127.0.0.1:${e2ePorts.facesignApi}`;

/** True when nothing listens on `port` (on either loopback name the harness binds). */
const isFree = (port, host) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (e) => resolve(e.code === "EADDRNOTAVAIL" || e.code === "EAFNOSUPPORT"));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });

for (const port of Object.values(e2ePorts)) {
  for (const host of ["127.0.0.1", "::1"]) {
    if (!(await isFree(port, host))) {
      console.error(
        `Port ${port} (${host}) is taken: the harness needs ${Object.values(e2ePorts).join(", ")}.\n` +
          "Stop what listens there, or set E2E_PORT_OFFSET to another offset.",
      );
      process.exit(1);
    }
  }
}

// The e2e harness as Playwright starts it: simulators, a @facekit/server backend, Vite.
const server = spawn(
  process.execPath,
  ["--conditions=@facekit/source", "--import", "tsx", "e2e/server.ts"],
  { cwd: root, env: process.env, stdio: ["ignore", "pipe", "pipe"] },
);
let serverOutput = "";
server.stdout.on("data", (d) => {
  serverOutput += d;
});
server.stderr.on("data", (d) => {
  serverOutput += d;
});
const serverExited = new Promise((resolve) => server.once("exit", resolve));

async function waitForHealth() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    const ok = await fetch(`${harness}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`e2e/server.ts did not come up on ${harness}:\n${serverOutput}`);
}

/** mount.html as a production build (as e2e/app-csp/serve.ts builds its page). */
async function buildPage() {
  const outDir = await mkdtemp(join(tmpdir(), "facekit-bench-mount-"));
  const appRoot = fileURLToPath(new URL("../e2e/app", import.meta.url));
  await build({
    root: appRoot,
    ...sourceResolve,
    configFile: false,
    mode: "production",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    oxc: { jsx: { runtime: "automatic", development: false } },
    logLevel: "error",
    build: {
      outDir,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      rolldownOptions: { input: join(appRoot, "mount.html") },
    },
  });
  return outDir;
}

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

/** Serves the built page; `/api/` goes on to the harness (same origin for the page, as in dev). */
function servePage(outDir) {
  const agent = new Agent({ keepAlive: true });
  const upstream = new URL(harness);
  const server = createHttpServer((req, res) => {
    if (req.url?.startsWith("/api/")) {
      const proxied = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      proxied.on("error", (e) => res.writeHead(502).end(String(e)));
      req.pipe(proxied);
      return;
    }
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = normalize(join(outDir, path));
    if (!file.startsWith(join(outDir, "/"))) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => {
        res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
        res.end(body);
      },
      () => res.writeHead(404).end("not found"),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, "localhost", () => {
      resolve({
        url: `http://localhost:${server.address().port}`,
        close: () => {
          server.closeAllConnections();
          agent.destroy();
          return new Promise((done) => server.close(done));
        },
      });
    });
  });
}

const median = (xs) => percentile(xs, 0.5);
/** Nearest-rank percentile (for the median of an even count: the mean of the middle two). */
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (p === 0.5 && s.length % 2 === 0) return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
}
/** 95% bootstrap interval of median(a) / median(b): how far the verdict can be trusted. */
function ratioInterval(a, b, rounds = 2000) {
  const pick = (xs) => xs.map(() => xs[Math.floor(Math.random() * xs.length)]);
  const ratios = Array.from({ length: rounds }, () => median(pick(a)) / median(pick(b)));
  return [percentile(ratios, 0.025), percentile(ratios, 0.975)];
}
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : "-");

const started = Date.now();
let browser;
let outDir;
let page;
try {
  await waitForHealth();
  if (!dev) {
    outDir = await buildPage();
    page = await servePage(outDir);
  }
  const app = page?.url ?? harness;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

  /** A browser context signed in as a new account (the harness backend needs one). */
  async function newContext() {
    const context = await browser.newContext();
    const account = `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    await context.addCookies([{ name: "account", value: account, url: app }]);
    return context;
  }
  // Cold (default): a context per run, as a first visit: no HTTP or code cache, no open
  // connections. `--warm`: one context, a new page per run, as a returning visitor.
  const shared = warm ? await newContext() : undefined;

  /** One run on a fresh page. */
  async function measure(impl) {
    // FaceSign's rate limit (100 calls a minute, 2 a run) and scenario start afresh every run.
    const reset = await fetch(`${facesignApi}/__simulator/reset`, { method: "POST" });
    if (!reset.ok) throw new Error(`FaceSign simulator reset: ${reset.status}`);
    const context = shared ?? (await newContext());
    const tab = await context.newPage();
    try {
      const problems = [];
      tab.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      tab.on("pageerror", (e) => problems.push(String(e)));
      tab.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      // Waiting on the page's console line, not polling it: polling injects Playwright's script
      // into the page (~15 ms of main-thread work) in the middle of the timed window.
      const done = tab.waitForEvent("console", {
        predicate: (m) => m.text().startsWith("mountBench "), // a result, or "mountBench failed: …"
        timeout: 20_000,
      });
      done.catch(() => {}); // awaited below; a failed goto must not leave it unhandled
      await tab.goto(`${app}/mount.html?impl=${impl}`);
      try {
        const line = (await done).text();
        if (line.startsWith("mountBench failed")) throw new Error(line);
        return JSON.parse(line.slice("mountBench ".length));
      } catch (error) {
        const html = await tab
          .locator("#root")
          .innerHTML()
          .catch(() => "?");
        throw new Error(
          `${impl}: no iframe load. #root: ${html.slice(0, 300)}\n${problems.join("\n")}`,
          { cause: error },
        );
      }
    } finally {
      await (shared ? tab : context).close();
    }
  }

  const results = { embed: [], hand: [] };
  for (let i = 0; i < warmup + runs; i++) {
    // ABBA: neither one always goes first.
    const order = i % 2 === 0 ? impls : [...impls].reverse();
    for (const impl of order) {
      const r = await measure(impl);
      if (i >= warmup) results[impl].push(r);
    }
  }

  const of = (impl, key) => results[impl].map((r) => r[key]);
  const rows = impls.map((impl) => ({
    impl: impl === "embed" ? "<FaceSignEmbed>" : "hand-written",
    runs: results[impl].length,
    "load median": ms(median(of(impl, "iframeLoad"))),
    "load p90": ms(percentile(of(impl, "iframeLoad"), 0.9)),
    "load min": ms(Math.min(...of(impl, "iframeLoad"))),
    "mint starts (median)": ms(median(of(impl, "mintStart"))),
    "mint answered": ms(median(of(impl, "mintEnd"))),
    "iframe in DOM": ms(median(of(impl, "iframeInserted"))),
  }));
  const ratioOf = (key, p = 0.5) =>
    percentile(of("embed", key), p) / percentile(of("hand", key), p);
  const ratio = ratioOf("iframeLoad");
  const [low, high] = ratioInterval(of("embed", "iframeLoad"), of("hand", "iframeLoad"));

  console.info(
    `\nmount -> FaceSign iframe load, Chromium, React ${dev ? "development (Vite dev server)" : "production build"}, ${warm ? "warm" : "cold"}, ` +
      `${runs} runs each after ${warmup} warm-ups, new page each (ms since render())\n`,
  );
  printTable(rows);
  console.info(
    `\nratio embed/hand, mount -> iframe load: median ${ratio.toFixed(2)}x (95% bootstrap ${low.toFixed(2)}-${high.toFixed(2)}), ` +
      `p90 ${ratioOf("iframeLoad", 0.9).toFixed(2)}x (goal: median <= ${maxRatio.toFixed(2)}x)`,
  );
  // The components' own share: the iframe's page load after it is the same work for both.
  console.info(
    `ratio embed/hand, mount -> iframe in DOM: median ${ratioOf("iframeInserted").toFixed(2)}x, p90 ${ratioOf("iframeInserted", 0.9).toFixed(2)}x`,
  );
  const cores = availableParallelism();
  const load = loadavg()[0] ?? 0;
  console.info(
    `took ${((Date.now() - started) / 1000).toFixed(1)} s; load average ${load.toFixed(1)} on ${cores} cores` +
      (load > cores ? " (busy machine: expect noise, run again when it is quiet)" : ""),
  );
  if (low > maxRatio) {
    console.error(
      `\nFAIL: <FaceSignEmbed> takes ${ratio.toFixed(2)}x the hand-written component's time (95% interval ${low.toFixed(2)}-${high.toFixed(2)})`,
    );
    process.exitCode = 1;
  } else {
    console.info(
      "\nok: <FaceSignEmbed> is no slower than the hand-written component, within noise",
    );
  }
} finally {
  await browser?.close();
  await page?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
  server.kill();
  await serverExited;
}
