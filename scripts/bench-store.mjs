/**
 * `npm run bench:store`: what the shared store costs (issue #11). Two FaceKit handler instances,
 * each in its own process with its own HTTP server (`toNodeHandler`), share one `redis-server`
 * (`createRedisStore` over node-redis); a Verisoul API simulator runs in a third process at its
 * default latency (0 ms added). This process only sends requests: an open-loop load (requests go
 * out on a fixed schedule, whether or not earlier ones have answered) of `BENCH_RPS` requests a
 * second for `BENCH_SECONDS` (default 200 for 30 s, after `BENCH_WARMUP_SECONDS`, default 3, that
 * are not counted), spread evenly over the two instances, over loopback. A quarter are
 * `verisoul/session` mints, each for a new account (so the per-account rations never apply), and
 * the rest `verisoul/result` polls of those sessions 0.5 s, 1 s and 2.5 s after their mint, the
 * first and last on the other instance: with the default 2 s pending-lookup interval shared in
 * Redis, the first and last polls ask Verisoul and the middle one is answered from the throttle
 * (with a memory store per instance, the middle one asks Verisoul too).
 * Sessions stay pending (nobody completes the hosted flow).
 *
 * Each instance times, per request, its vendor calls (the handler's `fetch` option, wrapped: the
 * whole exchange, body included, as the handler sees it) and its store calls (the node-redis
 * client's `eval`, wrapped: count and time), and returns them in response headers. "Added" is the
 * client's total minus the vendor time of that request; the store's share is the store time over
 * the added time, of the medians and of the means. The same load also runs against two other instances with the default
 * memory store (one per process) as a baseline, so the Redis cost shows beside it: in blocks of
 * `BENCH_BLOCK_SECONDS` (default 5) in ABBA order (Redis, memory, memory, Redis, ...), so a change
 * in the machine's background load hits both alike. Each pair keeps its sessions across blocks.
 *
 * Exits 1 when any request failed (a non-2xx answer, or no answer within 10 s; `pending` is a 200)
 * or a phase achieved less than 90% of the target rate.
 * Env: `BENCH_RPS` (default 200), `BENCH_SECONDS` (default 30, per store), `BENCH_WARMUP_SECONDS`
 * (default 3), `BENCH_BLOCK_SECONDS` (default 5).
 */
import { Agent, request } from "node:http";
import { createRequire } from "node:module";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve, spawnRole } from "./benchChildren.mjs";
import { printTable } from "./printTable.mjs";

const self = fileURLToPath(import.meta.url);
const role = process.argv[2];
const secret = "bench-store-secret-that-is-at-least-32-characters";

/** The Verisoul API simulator alone (a child process). */
async function runSimulator() {
  // Run with --conditions=@facekit/source --import tsx: the workspace packages as source.
  const { createVerisoulSimulator } = await import("@facekit/simulator");
  const { toNodeHandler } = await import("@facekit/server/node");
  // No rate limit: 200 requests a second is far above Verisoul's 300 a minute, on purpose.
  const simulator = createVerisoulSimulator({ rateLimitPerMinute: Number.MAX_SAFE_INTEGER });
  serve(toNodeHandler(simulator.api)); // any Request -> Response handler; only the API origin
}

/** One handler instance (a child process). Env: BENCH_STORE (redis|memory), REDIS_URL, VERISOUL_URL. */
async function runInstance() {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  const { createFaceKitHandler } = await import("@facekit/server");
  const { toNodeHandler } = await import("@facekit/server/node");
  const { defaultVerisoulKey } = await import("@facekit/simulator");
  const timing = new AsyncLocalStorage();
  const now = () => performance.now();

  let store;
  if (process.env.BENCH_STORE === "redis") {
    const { createRedisStore } = await import("@facekit/server/redis");
    // node-redis is a dev dependency of @facekit/server (its tests), not of the root.
    const fromServer = createRequire(new URL("../packages/server/package.json", import.meta.url));
    const redisModule = await import(pathToFileURL(fromServer.resolve("redis")).href);
    const { createClient } = redisModule.createClient ? redisModule : redisModule.default;
    const redis = createClient({ url: process.env.REDIS_URL });
    redis.on("error", (error) => console.error("redis:", error.message));
    await redis.connect();
    store = createRedisStore({
      client: {
        eval: async (script, keys, args) => {
          const t = timing.getStore();
          const start = now();
          try {
            return await redis.eval(script, { keys, arguments: args });
          } finally {
            if (t) {
              t.storeMs += now() - start;
              t.storeCalls += 1;
            }
          }
        },
      },
      prefix: process.env.BENCH_PREFIX, // one per phase, the same for both instances
    });
  }

  const timedFetch = async (input, init) => {
    const t = timing.getStore();
    const start = now();
    try {
      const answer = await fetch(input, init);
      const body = await answer.arrayBuffer(); // the whole exchange, as the handler will read it
      return new Response(body, answer);
    } finally {
      if (t) {
        t.vendorMs += now() - start;
        t.vendorCalls += 1;
      }
    }
  };

  const handler = createFaceKitHandler({
    secret,
    ...(store ? { store } : {}),
    authorize: (req) => {
      const accountId = req.headers.get("x-bench-account");
      return accountId ? { accountId } : null;
    },
    verisoul: {
      apiKey: defaultVerisoulKey,
      baseUrl: process.env.VERISOUL_URL,
      appBaseUrl: "http://127.0.0.1:9", // only used to build the hosted URL; never called
      redirectUrl: "https://bench.example/callback",
      fetch: timedFetch,
    },
  });

  const timed = (req) => {
    const t = { vendorMs: 0, vendorCalls: 0, storeMs: 0, storeCalls: 0 };
    return timing.run(t, async () => {
      const answer = await handler(req);
      const headers = new Headers(answer.headers);
      headers.set("x-bench", JSON.stringify(t));
      return new Response(answer.body, { status: answer.status, headers });
    });
  };
  serve(toNodeHandler(timed));
}

function percentile(xs, p) {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const share = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`;
const ms = (n) => (Number.isFinite(n) ? n.toFixed(2) : "-");

async function runBench() {
  const { ensureRedis } = await import("./bootstrap.mjs");
  ensureRedis(); // redis-server on PATH (as root on Debian: installs it, as `npm test` does)
  const { tsImport } = await import("tsx/esm/api");
  const { startRedis } = await tsImport(
    "../packages/test-utils/src/server/startRedis.ts",
    import.meta.url,
  );
  const rps = Number(process.env.BENCH_RPS) || 200;
  const seconds = Number(process.env.BENCH_SECONDS) || 30;
  const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
  const blockSeconds = Number(process.env.BENCH_BLOCK_SECONDS) || 5;
  const minRate = 0.9;
  const started = Date.now();
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

  /** One POST; resolves with status, body, timings and the instance's header. */
  function post(base, route, account, body) {
    const payload = JSON.stringify(body);
    const url = new URL(`/api/facekit/${route}`, base);
    return new Promise((resolve) => {
      const start = performance.now();
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          agent,
          timeout: 10_000,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
            "x-bench-account": account,
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d) => {
            text += d;
          });
          res.on("end", () => {
            const totalMs = performance.now() - start;
            let json;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            const header = res.headers["x-bench"];
            const t = typeof header === "string" ? JSON.parse(header) : undefined;
            resolve({ status: res.statusCode, json, text, totalMs, t });
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("no answer within 10 s")));
      req.on("error", (error) =>
        resolve({ status: 0, text: String(error), totalMs: performance.now() - start }),
      );
      req.end(payload);
    });
  }

  /**
   * The open-loop load against `instances` (two base URLs), run in blocks: `run(from, to)` sends
   * slots `from` to `to` (slot n at n / rps s into the block); slots before `warmupSlots` are not
   * counted. Sessions carry over from block to block.
   */
  function createLoad(instances, label) {
    const perSession = 4; // 1 mint, 3 polls
    const pollDelays = [0.5, 1, 2.5]; // s after the mint
    const sessions = []; // per session index: { account, token } once minted
    const samples = { "verisoul/session": [], "verisoul/result": [] };
    const errors = [];
    const inFlight = new Set();
    let maxLagMs = 0;
    let latestReady;
    let substitutes = 0; // polls of another session than planned
    let extraMints = 0; // mints instead of polls (no session had a token yet)
    let lastEnd = 0;
    let sent = 0;
    let runId = 0;
    const tag = `${label}-${Date.now().toString(36)}`;

    const fire = (slot) => {
      const s = Math.floor(slot / perSession);
      const k = slot % perSession;
      // Session i is minted on instance i % 2 and polled on the other, the same, the other.
      let instance = instances[slot % 2];
      const measured = slot >= warmupSlots;
      let route = "verisoul/session";
      let account;
      let body = {};
      // A poll of the session minted `pollDelays[k - 1]` s ago, or, when that one has no token
      // yet (a slow mint), of the latest session that has one, so that the mix stays 1 to 3.
      let target =
        k > 0
          ? sessions[s - Math.max(1, Math.round((pollDelays[k - 1] * rps) / perSession))]
          : undefined;
      if (k > 0 && !target?.token) {
        target = latestReady;
        if (measured) substitutes += 1;
      }
      let session;
      if (target?.token) {
        route = "verisoul/result";
        account = target.account;
        body = { token: target.token };
        instance = instances[(target.index + k) % 2];
      } else {
        // A new account per mint, so that no per-account ration ever applies.
        account = `${tag}-${runId++}`;
        if (k === 0) {
          session = { account, index: s };
          instance = instances[s % 2];
          sessions[s] = session;
        } else if (measured) extraMints += 1;
      }
      sent += measured ? 1 : 0;
      const p = post(instance, route, account, body).then((r) => {
        inFlight.delete(p);
        const ok =
          r.status === 200 &&
          (route === "verisoul/session"
            ? typeof r.json?.token === "string"
            : r.json?.status === "pending" || r.json?.status === "completed");
        if (session && ok) {
          session.token = r.json.token;
          latestReady = session;
        }
        if (!measured) return;
        lastEnd = performance.now();
        if (!ok) {
          errors.push(`${route} ${r.status} ${r.text.slice(0, 200)}`);
          return;
        }
        samples[route].push({
          totalMs: r.totalMs,
          vendorMs: r.t?.vendorMs ?? 0,
          vendorCalls: r.t?.vendorCalls ?? 0,
          storeMs: r.t?.storeMs ?? 0,
          storeCalls: r.t?.storeCalls ?? 0,
        });
      });
      inFlight.add(p);
    };

    let busySeconds = 0; // measured time: first counted send to last answer, per block
    async function run(from, to) {
      const t0 = performance.now();
      const at = (slot) => t0 + ((slot - from) * 1000) / rps;
      let next = from;
      let blockStart;
      await new Promise((resolve) => {
        const tick = () => {
          const now = performance.now();
          while (next < to && at(next) <= now) {
            maxLagMs = Math.max(maxLagMs, now - at(next));
            if (next >= warmupSlots) blockStart ??= now;
            fire(next++);
          }
          if (next >= to) return resolve();
          setTimeout(tick, Math.max(0, at(next) - performance.now()));
        };
        tick();
      });
      await Promise.all([...inFlight]);
      if (blockStart !== undefined) busySeconds += (lastEnd - blockStart) / 1000;
    }
    const result = () => ({
      samples,
      errors,
      maxLagMs,
      achieved: sent / busySeconds,
      sent,
      substitutes,
      extraMints,
    });
    return { run, result };
  }

  const stores = ["redis", "memory"];
  const totalSlots = Math.round(rps * (warmupSeconds + seconds));
  const warmupSlots = Math.round(rps * warmupSeconds);
  const blockSlots = Math.round(rps * blockSeconds);
  const redis = await startRedis();
  const children = [];
  const failures = [];
  const results = [];
  try {
    const sim = await spawnRole(self, "--simulator");
    children.push(sim);
    const loads = {};
    for (const store of stores) {
      const env = {
        BENCH_STORE: store,
        BENCH_PREFIX: `bench-${Date.now().toString(36)}:`,
        REDIS_URL: redis.url,
        VERISOUL_URL: sim.url,
      };
      const pair = await Promise.all([
        spawnRole(self, "--instance", env),
        spawnRole(self, "--instance", env),
      ]);
      children.push(...pair);
      loads[store] = createLoad(
        pair.map((p) => p.url),
        store,
      );
    }
    // Warm-up, then blocks in ABBA order: both stores see the same background load.
    for (const store of stores) await loads[store].run(0, warmupSlots);
    let from = warmupSlots;
    for (let block = 0; from < totalSlots; block++) {
      const to = Math.min(totalSlots, from + blockSlots);
      const order = block % 2 === 0 ? stores : [...stores].reverse();
      for (const store of order) await loads[store].run(from, to);
      from = to;
    }
    for (const store of stores) results.push({ store, ...loads[store].result() });
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await redis.stop();
    agent.destroy();
  }

  const rows = [];
  for (const { store, samples } of results) {
    for (const [route, list] of Object.entries(samples)) {
      const added = list.map((x) => x.totalMs - x.vendorMs);
      const storeMs = list.map((x) => x.storeMs);
      const storeMean = mean(storeMs);
      const onRedis = store === "redis";
      rows.push({
        store,
        route,
        count: list.length,
        "p50 total": ms(
          percentile(
            list.map((x) => x.totalMs),
            0.5,
          ),
        ),
        "p99 total": ms(
          percentile(
            list.map((x) => x.totalMs),
            0.99,
          ),
        ),
        "p50 vendor": ms(
          percentile(
            list.map((x) => x.vendorMs),
            0.5,
          ),
        ),
        "p99 vendor": ms(
          percentile(
            list.map((x) => x.vendorMs),
            0.99,
          ),
        ),
        "p50 added": ms(percentile(added, 0.5)),
        "p99 added": ms(percentile(added, 0.99)),
        "vendor calls/req": mean(list.map((x) => x.vendorCalls)).toFixed(2),
        // The memory store is in-process and not wrapped: its time is inside "added".
        "store calls/req": onRedis ? mean(list.map((x) => x.storeCalls)).toFixed(2) : "-",
        "p50 store": onRedis
          ? ms(
              percentile(
                list.map((x) => x.storeMs),
                0.5,
              ),
            )
          : "-",
        "mean store": onRedis ? ms(storeMean) : "-",
        "p99 store": onRedis
          ? ms(
              percentile(
                list.map((x) => x.storeMs),
                0.99,
              ),
            )
          : "-",
        "store share p50": onRedis ? share(percentile(storeMs, 0.5), percentile(added, 0.5)) : "-",
        "store share mean": onRedis ? share(storeMean, mean(added)) : "-",
      });
    }
  }

  console.info(
    `\nFaceKit handler, 2 instances (separate processes) over loopback, Verisoul simulator at its default latency; ` +
      `open loop ${rps} req/s for ${seconds} s per store (${blockSeconds} s blocks, ABBA) after ${warmupSeconds} s warm-up, per store (ms; added = total - vendor; store share = store time / added, of the medians and of the means)\n`,
  );
  printTable(rows);
  console.info("");
  for (const r of results) {
    console.info(
      `${r.store}: ${r.sent} requests, achieved ${r.achieved.toFixed(1)} req/s (target ${rps}), ` +
        `${r.errors.length} errors, max send lag ${r.maxLagMs.toFixed(1)} ms, ` +
        `${r.substitutes} polls of another session than planned (that one had no token yet), ${r.extraMints} mints in place of polls`,
    );
    if (r.errors.length > 0) {
      console.error(`  first errors:\n  ${r.errors.slice(0, 5).join("\n  ")}`);
      failures.push(`${r.store}: ${r.errors.length} requests failed`);
    }
    if (r.achieved < minRate * rps) {
      failures.push(
        `${r.store}: achieved ${r.achieved.toFixed(1)} req/s, below ${minRate * 100}% of ${rps}`,
      );
    }
  }
  const cores = availableParallelism();
  const load = loadavg()[0] ?? 0;
  console.info(
    `took ${((Date.now() - started) / 1000).toFixed(1)} s; load average ${load.toFixed(1)} on ${cores} cores` +
      (load > cores ? " (busy machine: expect noise)" : ""),
  );
  if (failures.length > 0) {
    console.error(`\nFAIL: ${failures.join("; ")}`);
    process.exitCode = 1;
  } else {
    console.info("\nok: no errors, target rate held");
  }
}

// Last: the functions and constants above must be initialized first.
if (role === "--simulator") {
  await runSimulator();
} else if (role === "--instance") {
  await runInstance();
} else {
  await runBench();
}
