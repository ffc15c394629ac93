/**
 * Test-only: one instance of an app using FaceKit, as its own process, for
 * `multiInstance.test.ts`. The handler keeps its state in the Redis at `REDIS_URL` (or, with
 * `STORE=memory`, in its own memory: to see the multi-instance tests fail without a shared
 * store). The signed-in account is the `x-account` header. Each `onResult` call is appended as
 * one JSON line to `RESULTS_FILE`, so a test counts deliveries across processes; it takes
 * `ON_RESULT_DELAY_MS` first. Prints "ready" once listening on `PORT`.
 *
 * Env: PORT, NAME, REDIS_URL, RESULTS_FILE, VERISOUL_API_URL, VERISOUL_APP_URL,
 * FACESIGN_API_URL, DIDIT_API_URL; optional STORE, ON_RESULT_DELAY_MS.
 * @example
 * node --conditions=@facekit/source --import tsx packages/server/src/store/testInstance.ts
 */
import { appendFileSync } from "node:fs";
import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import {
  defaultDiditKey,
  defaultFaceSignKey,
  defaultVerisoulKey,
  sampleFaceSignFlow,
} from "@facekit/simulator";
import { testSecret, testWebhookSecret } from "@facekit/test-utils/server";
import { createClient } from "redis";
import { createFaceKitHandler } from "../createFaceKitHandler.ts";
import { toNodeHandler } from "../node.ts";
import { createRedisStore } from "../redis.ts";
import { createMemoryStore } from "./createMemoryStore.ts";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`testInstance: ${name} is not set`);
  return value;
};

const name = env("NAME");
const resultsFile = env("RESULTS_FILE");
const delayMs = Number(process.env.ON_RESULT_DELAY_MS ?? 0);

// Reconnects quickly once a stopped Redis is back; errors surface as `store_unavailable`.
const redis = createClient({ url: env("REDIS_URL"), socket: { reconnectStrategy: 50 } });
redis.on("error", () => {});
await redis.connect();
const store =
  process.env.STORE === "memory"
    ? createMemoryStore()
    : createRedisStore({
        client: { eval: (script, keys, args) => redis.eval(script, { keys, arguments: args }) },
        timeoutMs: 300,
      });

/** Appends one delivery to the shared file (one `write` with O_APPEND: lines never interleave). */
async function record(vendor: string, event: { accountId: string; sessionId?: string }) {
  await sleep(delayMs);
  const line = { instance: name, vendor, accountId: event.accountId, sessionId: event.sessionId };
  appendFileSync(resultsFile, `${JSON.stringify(line)}\n`);
}

const handler = createFaceKitHandler({
  secret: testSecret,
  store,
  authorize: (request) => {
    const accountId = request.headers.get("x-account");
    return accountId ? { accountId } : null;
  },
  verisoul: {
    apiKey: defaultVerisoulKey,
    baseUrl: env("VERISOUL_API_URL"),
    appBaseUrl: env("VERISOUL_APP_URL"),
    redirectUrl: "https://shop.example/facekit/callback",
    pendingLookupIntervalMs: 0, // every poll reaches the delivery lease: the race under test
    onResult: (event) => record("verisoul", event),
  },
  facesign: {
    apiKey: defaultFaceSignKey,
    baseUrl: env("FACESIGN_API_URL"),
    webhookSecret: testWebhookSecret,
    session: { flow: sampleFaceSignFlow, langs: ["en"] },
    onResult: (event) => record("facesign", event),
  },
  didit: {
    apiKey: defaultDiditKey,
    baseUrl: env("DIDIT_API_URL"),
    maxComparesPerHour: 2,
    onResult: (event) => record("didit", { accountId: event.accountId }),
  },
});

const server = createServer(toNodeHandler(handler));
server.listen(Number(env("PORT")), "127.0.0.1", () => console.info("ready"));

const stop = () => {
  server.close();
  server.closeAllConnections();
  redis.destroy();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
