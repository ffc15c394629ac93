/**
 * The demo's backend end to end in-process: account cookie, FaceKit routes, the Verisoul and
 * FaceSign simulators' handlers standing in for the vendors, and the verdicts the backend records.
 */

import { readFile } from "node:fs/promises";
import {
  createDiditSimulator,
  createFaceSignSimulator,
  createVerisoulSimulator,
  defaultDiditKey,
  defaultFaceSignKey,
  defaultVerisoulKey,
} from "@facekit/simulator";
import { diditFixturePaths } from "@facekit/simulator/node";
import { describe, expect, it, vi } from "vitest";
import { createDemoBackend } from "./backend.ts";

const app = "http://demo.test";
const facesignApp = "http://facesign-app.test";
const webhookSecret = "whsec_demo_test";

function setup() {
  const sim = createVerisoulSimulator();
  const webhooks: number[] = [];
  const facesign = createFaceSignSimulator({
    appOrigin: facesignApp,
    webhookUrl: `${app}/api/facekit/facesign/webhook`,
    webhookSecret,
    fetch: async (input, init) => {
      const response = await backend(new Request(input, init));
      webhooks.push(response.status);
      return response;
    },
  });
  const didit = createDiditSimulator();
  const backend = createDemoBackend({
    appOrigin: app,
    secret: "demo-test-secret-that-is-long-enough-32",
    verisoul: {
      apiKey: defaultVerisoulKey,
      baseUrl: "http://verisoul-api.test",
      appBaseUrl: "http://verisoul-app.test",
      fetch: (input, init) => sim.api(new Request(input, init)),
    },
    facesign: {
      apiKey: defaultFaceSignKey,
      baseUrl: "http://facesign-api.test",
      webhookSecret,
      fetch: (input, init) => facesign.api(new Request(input, init)),
    },
    didit: {
      apiKey: defaultDiditKey,
      baseUrl: "http://didit-api.test",
      fetch: (input, init) => didit.api(new Request(input, init)),
    },
    simulators: {
      verisoul: "http://verisoul-api.test/__simulator",
      didit: "http://didit-api.test/__simulator",
    },
  });
  let cookie = "";
  const call = async (path: string, body?: unknown) => {
    const response = await backend(
      new Request(`${app}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { cookie, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    cookie = response.headers.get("set-cookie")?.split(";")[0] ?? cookie;
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** What the person does on the hosted page: open it, then finish the scan. */
  const capture = async (url: string, outcome: string) => {
    await sim.app(new Request(url));
    const { searchParams } = new URL(url);
    const form = new URLSearchParams({
      session_id: searchParams.get("session_id") ?? "",
      redirect_url: searchParams.get("redirect_url") ?? "",
      outcome,
      face: "new",
    });
    const done = await sim.app(
      new Request("http://verisoul-app.test/complete", { method: "POST", body: form }),
    );
    return new URL(done.headers.get("location") ?? "");
  };
  /** What the person does in the FaceSign iframe: open the page, then press one button per step. */
  const walk = async (url: string, choices: string[]) => {
    const cs = new URL(url).searchParams.get("cs") ?? "";
    let page = await (await facesign.app(new Request(url))).text();
    for (const choice of choices) {
      const node = /name="node" value="([^"]*)"/.exec(page)?.[1] ?? "";
      const form = new URLSearchParams({ cs, node, choice });
      const res = await facesign.app(
        new Request(`${facesignApp}/step`, { method: "POST", body: form }),
      );
      const next = res.headers.get("location");
      page = await (next ? await facesign.app(new Request(`${facesignApp}${next}`)) : res).text();
    }
    return page;
  };
  /** The selfie-compare upload, as the page sends it (grant header, multipart form). */
  const compare = async (token: string, form: FormData) =>
    backend(
      new Request(`${app}/api/facekit/didit/compare`, {
        method: "POST",
        headers: { cookie, "x-facekit-grant": token },
        body: form,
      }),
    );
  return { call, capture, walk, compare, webhooks };
}

describe("demo backend", () => {
  it("refuses Face Match before the account step", async () => {
    const { call } = setup();
    const { status, body } = await call("/api/facekit/verisoul/session", {});
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("rejects account details without a valid email", async () => {
    const { call } = setup();
    expect((await call("/api/account", { name: "Ada", email: "nope" })).status).toBe(400);
  });

  it("records the vendor's verdict on the account through onResult", async () => {
    const { call, capture } = setup();
    await call("/api/account", { name: "Ada", email: "ada@example.com" });
    const session = (await call("/api/facekit/verisoul/session", {})).body as {
      url: string;
      token: string;
    };
    const back = await capture(session.url, "success");
    expect(back.origin + back.pathname).toBe(`${app}/callback.html`);
    expect(back.searchParams.get("success")).toBe("true");

    expect((await call("/api/account")).body.faceCheck).toBeUndefined();
    const result = await call("/api/facekit/verisoul/result", { token: session.token });
    expect(result.body).toMatchObject({
      status: "completed",
      result: { decision: "Real", enrolled: true },
    });
    const account = (await call("/api/account")).body;
    expect(account.faceCheck).toMatchObject({
      vendor: "verisoul",
      decision: "Real",
      passed: true,
      enrolled: true,
      linkedAccounts: 0,
      riskScore: expect.any(Number),
      flags: [],
      reference: session.url.match(/session_id=([\w-]+)/)?.[1],
    });
    expect(account.history).toEqual([account.faceCheck]);
  });

  it("runs a FaceSign session with the server's flow and records FaceSign's answer (onResult)", async () => {
    const { call, walk, webhooks } = setup();
    await call("/api/account", { name: "Grace", email: "grace@example.com" });
    const session = await call("/api/facekit/facesign/session", { flow: [] }); // body ignored
    expect(session.status).toBe(200);
    const { sessionId, url } = session.body as { sessionId: string; url: string };
    expect(new URL(url).origin).toBe(facesignApp);

    const pending = await call("/api/facekit/facesign/status", { sessionId });
    expect(pending.body).toMatchObject({ sessionId, status: "created" });

    const done = await walk(url, ["0", "0"]); // greeting -> liveness -> livenessDetected
    expect(done).toContain("Verification complete");
    await vi.waitFor(() => expect(webhooks).toEqual([200, 200])); // inProgress, complete

    const status = await call("/api/facekit/facesign/status", { sessionId });
    expect(status.body).toMatchObject({
      sessionId,
      status: "complete",
      summary: { status: "complete", isVerified: true, livenessDetected: true },
    });

    expect((await call("/api/account")).body.faceCheck).toMatchObject({
      vendor: "facesign",
      decision: "Verified",
      passed: true,
      livenessDetected: true,
      reference: sessionId,
    });
  });

  it("records a FaceSign session the person left as such", async () => {
    const { call, walk, webhooks } = setup();
    await call("/api/account", { name: "Alan", email: "alan@example.com" });
    const { sessionId, url } = (await call("/api/facekit/facesign/session", {})).body as {
      sessionId: string;
      url: string;
    };
    await walk(url, ["leave"]);
    // The webhook tells the backend (onResult) before the page polls again.
    await vi.waitFor(() => expect(webhooks).toEqual([200, 200]));
    expect((await call("/api/account")).body.faceCheck).toMatchObject({ decision: "Left" });
    const status = await call("/api/facekit/facesign/status", { sessionId });
    expect(status.body).toMatchObject({ status: "incomplete" });
    expect((await call("/api/account")).body.faceCheck).toMatchObject({
      vendor: "facesign",
      decision: "Left",
    });
  });

  it("compares a selfie with an uploaded reference through Didit: recorded as look-alike photos, never a pass", async () => {
    const { call, compare } = setup();
    await call("/api/account", { name: "Ada", email: "ada@example.com" });
    const grant = (await call("/api/facekit/didit/grant", {})).body as { token: string };
    const paths = diditFixturePaths();
    const form = new FormData();
    form.set("selfie", new Blob([new Uint8Array(await readFile(paths.personA2))]), "me.jpg");
    form.set("reference", new Blob([new Uint8Array(await readFile(paths.personA))]), "id.jpg");
    const response = await compare(grant.token, form);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "approved" });
    expect((await call("/api/account")).body.faceCheck).toMatchObject({
      vendor: "didit",
      decision: "Photos look alike",
      passed: false, // the person chose both photos: not proof of who they are
      lookAlikeOnly: true,
      score: expect.any(Number),
      flags: [],
    });
  });

  it("keeps every check, newest first, and a declined one does not pass", async () => {
    const { call, compare } = setup();
    await call("/api/account", { name: "Ada", email: "ada@example.com" });
    const paths = diditFixturePaths();
    const photo = async (path: string) => new Blob([new Uint8Array(await readFile(path))]);
    for (const selfie of [paths.personA2, paths.personB]) {
      const grant = (await call("/api/facekit/didit/grant", {})).body as { token: string };
      const form = new FormData();
      form.set("selfie", await photo(selfie), "me.jpg");
      form.set("reference", await photo(paths.personA), "id.jpg");
      expect((await compare(grant.token, form)).status).toBe(200);
    }
    const account = (await call("/api/account")).body as {
      faceCheck: unknown;
      history: { decision: string; passed: boolean; flags: string[] }[];
    };
    expect(account.history).toMatchObject([
      { decision: "Photos do not look alike", passed: false, flags: ["LOW_FACE_MATCH_SIMILARITY"] },
      { decision: "Photos look alike", passed: false },
    ]);
    expect(account.faceCheck).toEqual(account.history[0]);
  });

  it("tells the page which vendors are simulated, and where to drive them", async () => {
    const { call } = setup();
    const { status, body } = await call("/api/demo/vendors");
    expect(status).toBe(200);
    expect(body).toEqual({
      verisoul: { simulatorUrl: "http://verisoul-api.test/__simulator" },
      facesign: { simulatorUrl: null }, // as if FACESIGN_API_KEY were set: no scenarios
      didit: { simulatorUrl: "http://didit-api.test/__simulator" },
    });
  });

  it("signs out: the cookie is cleared and FaceKit refuses the next request", async () => {
    const { call } = setup();
    await call("/api/account", { name: "Ada", email: "ada@example.com" });
    expect((await call("/api/account")).body).toMatchObject({ name: "Ada" });
    const out = await call("/api/account/sign-out", {});
    expect(out.status).toBe(200);
    expect((await call("/api/account")).body).toBeNull();
    expect((await call("/api/facekit/didit/grant", {})).status).toBe(401);
  });
});
