/**
 * The handler inside a real worker runtime, Vercel's `edge-runtime` (the VM behind Next.js's edge
 * runtime: Web APIs only, no `process`, `Buffer` or `node:*`), not only in Node. The app is
 * bundled the way an edge bundler does it: `@facekit/server` resolved through its `exports` with
 * the `edge-light` and `worker` conditions on esbuild's browser platform (which sets `browser` and
 * applies the `browser` field, as Next.js does), from the source (`@facekit/source`), or from the
 * built `dist` with `FACEKIT_EDGE_DIST=1` (after `npm run build`). The vendors are the simulators,
 * over HTTP from Node; the test talks to the runtime over HTTP as a browser and FaceSign would.
 */
import {
  defaultDiditKey,
  defaultFaceSignKey,
  defaultVerisoulKey,
  sampleFaceSignFlow,
} from "@facekit/simulator";
import { type RunningSimulators, startSimulators } from "@facekit/simulator/node";
import {
  loadPhotos,
  signedWebhook,
  testSecret,
  testWebhookSecret,
} from "@facekit/test-utils/server";
import { EdgeRuntime, runServer } from "edge-runtime";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../../", import.meta.url).pathname;
const fromDist = process.env.FACEKIT_EDGE_DIST === "1";

/** An app's edge route, as its author writes it; its settings come from `FACEKIT_TEST_ENV`. */
const app = `
import { createFaceKitHandler } from "@facekit/server";
const env = JSON.parse(globalThis.FACEKIT_TEST_ENV);
const handler = createFaceKitHandler({
  secret: env.secret,
  authorize: (request) => {
    const accountId = request.headers.get("x-account");
    return accountId ? { accountId } : null;
  },
  verisoul: {
    apiKey: env.verisoulKey,
    baseUrl: env.verisoulApi,
    appBaseUrl: env.verisoulApp,
    redirectUrl: "https://shop.example/facekit/callback",
  },
  facesign: {
    apiKey: env.facesignKey,
    baseUrl: env.facesignApi,
    webhookSecret: env.webhookSecret,
    session: { flow: env.flow, langs: ["en"] },
  },
  didit: { apiKey: env.diditKey, baseUrl: env.diditApi },
});
addEventListener("fetch", (event) => event.respondWith(handler(event.request)));
`;

let sims: RunningSimulators;
let runtime: EdgeRuntime;
let server: Awaited<ReturnType<typeof runServer>>;
let bundled: { text: string; inputs: string[] };

beforeAll(async () => {
  sims = await startSimulators({
    verisoulApiPort: 0,
    verisoulAppPort: 0,
    facesignApiPort: 0,
    facesignAppPort: 0,
    diditApiPort: 0,
  });
  const result = await build({
    stdin: { contents: app, resolveDir: root, loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    conditions: ["edge-light", "worker", ...(fromDist ? [] : ["@facekit/source"])],
    metafile: true,
    logLevel: "silent",
  });
  bundled = {
    text: result.outputFiles[0]?.text ?? "",
    inputs: Object.keys(result.metafile.inputs),
  };
  const env = JSON.stringify({
    secret: testSecret,
    verisoulKey: defaultVerisoulKey,
    verisoulApi: sims.verisoul.apiUrl,
    verisoulApp: sims.verisoul.appUrl,
    facesignKey: defaultFaceSignKey,
    facesignApi: sims.facesign.apiUrl,
    webhookSecret: testWebhookSecret,
    flow: sampleFaceSignFlow,
    diditKey: defaultDiditKey,
    diditApi: sims.didit.apiUrl,
  });
  runtime = new EdgeRuntime({
    extend: (context) => Object.assign(context, { FACEKIT_TEST_ENV: env }),
    initialCode: bundled.text,
  });
  server = await runServer({ runtime, host: "127.0.0.1", port: 0 });
}, 30_000);

afterAll(async () => {
  await server?.close();
  await sims?.close();
});

type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string } } };

/** POSTs JSON to the route in the runtime, signed in as `account`. */
async function post(route: string, account: string, body: unknown = {}): Promise<Answer> {
  const response = await fetch(`${server.url}api/facekit/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-account": account },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("the handler in edge-runtime", () => {
  it("is bundled from the edge entry, with no Node module in it", () => {
    const entry = fromDist
      ? "packages/server/dist/edge/index.js"
      : "packages/server/src/edge/index.ts";
    expect(bundled.inputs).toContain(entry);
    expect(bundled.inputs.filter((input) => input.startsWith("node:"))).toEqual([]);
    // The runtime is a worker, not Node: the handler runs without these.
    const globals = ["EdgeRuntime", "process", "Buffer", "require", "setImmediate"];
    expect(globals.map((name) => runtime.evaluate(`typeof ${name}`))).toEqual([
      "string",
      ...Array(4).fill("undefined"),
    ]);
  });

  it("mints a Face Match session and reads the completed result (JWT signed in the runtime)", async () => {
    const minted = await post("verisoul/session", "edge-1");
    expect(minted.status).toBe(200);
    const session = minted.body as { sessionId: string; url: string; token: string };
    const page = new URL(session.url);
    expect((await fetch(page)).status).toBe(200);
    const done = await fetch(new URL("/complete", page), {
      method: "POST",
      body: new URLSearchParams({
        session_id: session.sessionId,
        redirect_url: page.searchParams.get("redirect_url") ?? "",
        outcome: "success",
        face: "alice",
      }),
      redirect: "manual",
    });
    expect(done.status).toBe(302);
    const result = await post("verisoul/result", "edge-1", { token: session.token });
    expect(result).toMatchObject({
      status: 200,
      body: { status: "completed", result: { sessionId: session.sessionId, decision: "Real" } },
    });
    // Another account cannot read it: the token is checked in the runtime.
    expect((await post("verisoul/result", "edge-2", { token: session.token })).status).toBe(404);
  });

  it("verifies a signed FaceSign webhook and refuses a forged one", async () => {
    const minted = await post("facesign/session", "edge-3");
    expect(minted.status).toBe(200);
    const { sessionId } = minted.body as { sessionId: string };
    const webhook = `${server.url}api/facekit/facesign/webhook`;
    const lookups = () => sims.facesign.simulator.stats().byPath[`/sessions/${sessionId}`] ?? 0;
    const forged = await signedWebhook({ id: "evt_edge_0", sessionId });
    forged.headers = { ...forged.headers, "x-facesign-signature": "00".repeat(32) };
    const refused = await fetch(webhook, forged);
    expect([refused.status, (await refused.json()).error.code]).toEqual([401, "unauthorized"]);
    const before = lookups();
    // Verified in the runtime (WebCrypto HMAC), then the handler asks FaceSign for the status.
    expect(
      (await fetch(webhook, await signedWebhook({ id: "evt_edge_1", sessionId }))).status,
    ).toBe(200);
    expect(lookups() - before).toBe(1);
    const status = await post("facesign/status", "edge-3", { sessionId });
    expect(status).toMatchObject({ status: 200, body: { sessionId } });
  });

  it("takes a Didit upload (multipart) and returns the comparison", async () => {
    const photos = await loadPhotos();
    const grant = await post("didit/grant", "edge-4");
    expect(grant.status).toBe(200);
    const form = new FormData();
    form.set("selfie", photos.personA2, "selfie.jpg");
    form.set("reference", photos.personA, "reference.jpg");
    const response = await fetch(`${server.url}api/facekit/didit/compare`, {
      method: "POST",
      headers: { "x-account": "edge-4", "x-facekit-grant": String(grant.body.token) },
      body: form,
    });
    const body = await response.json();
    expect([response.status, body.error]).toEqual([200, undefined]);
    expect(body.status).toBe("approved");
    expect(sims.didit.simulator.stats().faceMatchRequests).toBe(1);
  }, 20_000); // the simulator compares real photos: about 1.5 s alone, more on a busy machine
});
