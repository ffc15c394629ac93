/**
 * Two instances of one app in two processes (`store/testInstance.ts`), sharing a real Redis and
 * one set of simulators over HTTP; requests alternate between them over real HTTP.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FaceMatchSession, FaceSignSession, SelfieCompareGrant } from "@facekit/core/protocol";
import { type RunningSimulators, startSimulators } from "@facekit/simulator/node";
import {
  freePort,
  loadPhotos,
  signedWebhook,
  startRedis,
  type TestRedis,
  testWebhookSecret,
} from "@facekit/test-utils/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const script = fileURLToPath(new URL("./store/testInstance.ts", import.meta.url));

/** One instance process: its base URL, and how to stop or restart it. */
interface Instance {
  name: string;
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
const killAll = () => {
  for (const child of children) child.kill("SIGKILL");
};

function instance(name: string, port: number, env: Record<string, string>): Instance {
  let child: ChildProcess | undefined;
  return {
    name,
    url: `http://127.0.0.1:${port}/api/facekit`,
    start: () =>
      new Promise((resolve, reject) => {
        const started = spawn(
          process.execPath,
          ["--conditions=@facekit/source", "--import", "tsx", script],
          {
            cwd: root,
            env: { ...process.env, ...env, NAME: name, PORT: String(port) },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        child = started;
        children.add(started);
        let output = "";
        const timer = setTimeout(
          () => fail(new Error(`${name} did not start:\n${output}`)),
          15_000,
        );
        function fail(error: Error) {
          clearTimeout(timer);
          started.kill("SIGKILL");
          reject(error);
        }
        started.stderr?.on("data", (chunk: Buffer) => {
          output += chunk;
        });
        started.once("exit", (code) => fail(new Error(`${name} exited (${code}):\n${output}`)));
        started.stdout?.on("data", (chunk: Buffer) => {
          output += chunk;
          if (!output.includes("ready")) return;
          clearTimeout(timer);
          started.removeAllListeners("exit");
          started.once("exit", () => children.delete(started));
          resolve();
        });
      }),
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL"); // a crash, not a polite shutdown: nothing may rely on one
      await exited;
    },
  };
}

let redis: TestRedis;
let sims: RunningSimulators;
let a: Instance;
let b: Instance;
let dir: string;
let photos: Awaited<ReturnType<typeof loadPhotos>>;

beforeAll(async () => {
  process.once("exit", killAll);
  dir = mkdtempSync(join(tmpdir(), "facekit-instances-"));
  photos = await loadPhotos();
  redis = await startRedis();
  const [portA, portB] = [await freePort(), await freePort()];
  sims = await startSimulators({
    verisoulApiPort: 0,
    verisoulAppPort: 0,
    facesignApiPort: 0,
    facesignAppPort: 0,
    diditApiPort: 0,
    // FaceSign's webhooks reach A only: what B reports about them comes from the store.
    facesign: {
      webhookUrl: `http://127.0.0.1:${portA}/api/facekit/facesign/webhook`,
      webhookSecret: testWebhookSecret,
    },
  });
  const env = {
    REDIS_URL: redis.url,
    RESULTS_FILE: join(dir, "results.jsonl"),
    VERISOUL_API_URL: sims.verisoul.apiUrl,
    VERISOUL_APP_URL: sims.verisoul.appUrl,
    FACESIGN_API_URL: sims.facesign.apiUrl,
    DIDIT_API_URL: sims.didit.apiUrl,
    ON_RESULT_DELAY_MS: "300",
  };
  a = instance("A", portA, env);
  b = instance("B", portB, env);
  await Promise.all([a.start(), b.start()]);
}, 30_000);

afterAll(async () => {
  killAll();
  await Promise.all([a?.stop(), b?.stop()]);
  await sims?.close();
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  process.off("exit", killAll);
});

type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string } } };

/** POSTs JSON to `<instance>/<route>` signed in as `account`, as the browser client does. */
async function post(on: Instance, route: string, account: string, body: unknown = {}) {
  const response = await fetch(`${on.url}/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-account": account },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() } as Answer;
}

/** Every `onResult` call so far, from both processes. */
function deliveries(): { instance: string; vendor: string; sessionId?: string }[] {
  const file = join(dir, "results.jsonl");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
const deliveriesOf = (sessionId: string) => deliveries().filter((d) => d.sessionId === sessionId);

async function mintVerisoul(on: Instance, account: string): Promise<FaceMatchSession> {
  const answer = await post(on, "verisoul/session", account);
  if (answer.status !== 200) throw new Error(`mint failed: ${JSON.stringify(answer.body)}`);
  return answer.body as unknown as FaceMatchSession;
}

/** The person's side: opens Verisoul's hosted page and submits the capture (a 302 back). */
async function completeVerisoul(session: FaceMatchSession, face: string) {
  const page = new URL(session.url);
  expect((await fetch(page)).status).toBe(200);
  const form = new URLSearchParams({
    session_id: session.sessionId,
    redirect_url: page.searchParams.get("redirect_url") ?? "",
    outcome: "success",
    face,
  });
  const done = await fetch(new URL("/complete", page), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(done.status).toBe(302);
}

/** The person's side: walks FaceSign's hosted page, taking outcome 0 until the flow ends. */
async function walkFaceSign(url: string) {
  const cs = new URL(url).searchParams.get("cs") ?? "";
  let html = await (await fetch(url)).text();
  for (let node = /name="node" value="([^"]*)"/.exec(html)?.[1]; node; ) {
    const body = new URLSearchParams({ cs, node, choice: "0" });
    html = await (await fetch(new URL("/step", url), { method: "POST", body })).text();
    node = /name="node" value="([^"]*)"/.exec(html)?.[1];
  }
}

async function grant(on: Instance, account: string): Promise<SelfieCompareGrant> {
  const answer = await post(on, "didit/grant", account);
  if (answer.status !== 200) throw new Error(`grant failed: ${JSON.stringify(answer.body)}`);
  return answer.body as unknown as SelfieCompareGrant;
}

async function compare(on: Instance, account: string, token: string): Promise<Answer> {
  const form = new FormData();
  form.set("selfie", photos.personA2, "selfie.jpg");
  form.set("reference", photos.personA, "reference.jpg");
  const response = await fetch(`${on.url}/didit/compare`, {
    method: "POST",
    headers: { "x-account": account, "x-facekit-grant": token },
    body: form,
  });
  return { status: response.status, body: await response.json() } as Answer;
}

const vendorCalls = () => ({
  verisoul: sims.verisoul.simulator.stats().requests,
  facesign: sims.facesign.simulator.stats().requests,
  didit: sims.didit.simulator.stats().faceMatchRequests,
});

describe("two handler processes sharing one Redis", () => {
  it("refuses on B a grant used on A; Didit was called once", async () => {
    const before = vendorCalls().didit;
    const used = await grant(a, "grant-1");
    expect((await compare(a, "grant-1", used.token)).status).toBe(200);
    const replay = await compare(b, "grant-1", used.token);
    expect([replay.status, replay.body.error?.code]).toEqual([404, "session_invalid"]);
    expect(vendorCalls().didit - before).toBe(1);
  });

  it("delivers onResult once when A and B poll a completed session at once", async () => {
    const session = await mintVerisoul(a, "once-1");
    await completeVerisoul(session, "alice");
    const polls = await Promise.all(
      [a, b, a, b, a, b].map((on) => post(on, "verisoul/result", "once-1", session)),
    );
    expect(polls.map((p) => p.status)).toEqual(Array(6).fill(200));
    expect(polls.some((p) => p.body.status === "completed")).toBe(true);
    for (const on of [b, a]) {
      expect((await post(on, "verisoul/result", "once-1", session)).body.status).toBe("completed");
    }
    expect(deliveriesOf(session.sessionId)).toHaveLength(1);
  });

  it("counts rations and the Didit quota across A and B", async () => {
    // verisoul/session: 10 per 10 minutes per account, by default.
    const mints = [];
    for (let i = 0; i < 10; i++) mints.push(await post(i % 2 ? b : a, "verisoul/session", "r-1"));
    expect(mints.map((m) => m.status)).toEqual(Array(10).fill(200));
    for (const on of [a, b]) {
      const refused = await post(on, "verisoul/session", "r-1");
      expect([refused.status, refused.body.error?.code]).toEqual([429, "rate_limited"]);
    }
    expect((await post(b, "verisoul/session", "r-2")).status).toBe(200); // another account
    // didit: maxComparesPerHour 2 (the instances' setting), one comparison on each instance.
    expect((await compare(a, "q-1", (await grant(a, "q-1")).token)).status).toBe(200);
    expect((await compare(b, "q-1", (await grant(b, "q-1")).token)).status).toBe(200);
    for (const on of [a, b]) await expect(grant(on, "q-1")).rejects.toThrow(/rate_limited/);
  });

  it("reports on B what a webhook told A, without asking FaceSign", async () => {
    const answer = await post(b, "facesign/session", "fs-1");
    const session = answer.body as unknown as FaceSignSession;
    await walkFaceSign(session.url);
    // The simulator's webhooks go to A, which calls onResult once it reads `complete`.
    await expect.poll(() => deliveriesOf(session.sessionId), { timeout: 5_000 }).toHaveLength(1);
    expect(deliveriesOf(session.sessionId)[0]?.instance).toBe("A");
    const before = vendorCalls().facesign;
    const onB = await post(b, "facesign/status", "fs-1", { sessionId: session.sessionId });
    expect(onB.body).toMatchObject({ status: "complete", summary: { isVerified: true } });
    expect(vendorCalls().facesign).toBe(before);
    expect(deliveriesOf(session.sessionId)).toHaveLength(1);
  });

  it("makes one FaceSign call for a webhook replayed to A and B", async () => {
    const session = (await post(a, "facesign/session", "fs-2")).body as unknown as FaceSignSession;
    const gets = () =>
      sims.facesign.simulator.stats().byPath[`/sessions/${session.sessionId}`] ?? 0;
    const before = gets();
    const init = await signedWebhook({ id: "evt_replayed", sessionId: session.sessionId });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => fetch(`${(i % 2 ? b : a).url}/facesign/webhook`, init)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(gets() - before).toBe(1);
  });

  it("loses nothing when B restarts: a delivered result stays delivered, a used grant stays used", async () => {
    const session = await mintVerisoul(a, "restart-1");
    await completeVerisoul(session, "bob");
    expect((await post(b, "verisoul/result", "restart-1", session)).body.status).toBe("completed");
    const used = await grant(b, "restart-1");
    expect((await compare(b, "restart-1", used.token)).status).toBe(200);
    expect(deliveriesOf(session.sessionId)).toHaveLength(1);
    await b.stop();
    await b.start();
    const before = vendorCalls();
    const again = await post(b, "verisoul/result", "restart-1", session);
    expect(again.body).toMatchObject({ status: "completed" });
    const replay = await compare(b, "restart-1", used.token);
    expect([replay.status, replay.body.error?.code]).toEqual([404, "session_invalid"]);
    expect(deliveriesOf(session.sessionId)).toHaveLength(1);
    expect(vendorCalls()).toEqual(before);
  });

  // Last: the restarted Redis is empty (nothing is saved), as a lost Redis would be.
  it("answers store_unavailable with no vendor call while Redis is down, and recovers", async () => {
    const ready = await grant(b, "down-1");
    const fsSession = (await post(a, "facesign/session", "down-1")).body as { sessionId: string };
    const before = vendorCalls();
    await redis.stop();
    try {
      const refused = [
        await post(a, "verisoul/session", "down-1"),
        await post(b, "facesign/session", "down-1"),
        await post(a, "facesign/status", "down-1", fsSession),
        await compare(b, "down-1", ready.token),
      ];
      expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual(
        Array(4).fill([503, "store_unavailable"]),
      );
      expect(vendorCalls()).toEqual(before);
    } finally {
      await redis.restart();
    }
    for (const on of [a, b]) {
      await expect
        .poll(async () => (await post(on, "verisoul/session", "down-1")).status, { timeout: 5_000 })
        .toBe(200);
    }
    expect((await compare(a, "down-1", (await grant(b, "down-1")).token)).status).toBe(200);
  });
});
