import type { FaceSignSession } from "@facekit/core/protocol";
import { defaultFaceSignKey, sampleFaceSignFlow } from "@facekit/simulator";
import { createFaceSignHarness } from "@facekit/test-utils/server";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.useRealTimers();
});

describe("POST facesign/session", () => {
  it("creates a session for the signed-in account with the configured settings only", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint({
      clientReferenceId: "acct-evil",
      flow: [
        { id: "start", type: "start", outcome: "end" },
        { id: "end", type: "end" },
      ],
      langs: ["fr"],
    });
    expect(Object.keys(session).sort()).toEqual(["clientSecret", "expireAt", "sessionId", "url"]);
    expect(session.url).toContain(`?cs=${session.clientSecret}`);
    const stored = t.sim.session(session.sessionId);
    expect(stored?.settings.clientReferenceId).toBe("acct-1");
    expect(stored?.settings.flow).toEqual(sampleFaceSignFlow);
    expect(stored?.settings.langs).toEqual(["en"]);
  });

  it("makes an allowed locale (or its parent) the session's only language and defaultLang", async () => {
    const t = createFaceSignHarness(
      { session: { flow: sampleFaceSignFlow, langs: ["en", "es", "fr"], defaultLang: "en" } },
      { webhooks: false },
    );
    const settingsFor = async (locale: string) =>
      t.sim.session((await t.mint({ locale })).sessionId)?.settings;
    expect(await settingsFor("es")).toMatchObject({ langs: ["es"], defaultLang: "es" });
    expect(await settingsFor("fr-CA")).toMatchObject({ langs: ["fr"], defaultLang: "fr" });
  });

  it("ignores a locale the configured langs do not allow", async () => {
    const t = createFaceSignHarness(
      { session: { flow: sampleFaceSignFlow, langs: ["en", "es"], defaultLang: "en" } },
      { webhooks: false },
    );
    const unknown = await t.mint({ locale: "de" });
    expect(t.sim.session(unknown.sessionId)?.settings).toMatchObject({
      langs: ["en", "es"],
      defaultLang: "en",
    });
    // Without langs, only defaultLang is allowed: the browser chooses nothing else.
    const fixed = createFaceSignHarness(
      { session: { flow: sampleFaceSignFlow, defaultLang: "fr" } },
      { webhooks: false },
    );
    const settings = fixed.sim.session((await fixed.mint({ locale: "es" })).sessionId)?.settings;
    expect(settings?.defaultLang).toBe("fr");
    expect(settings?.langs).toBeUndefined();
    expect((await t.post("facesign/session", { locale: ["es"] })).status).toBe(400);
  });

  it("ignores a clientReferenceId smuggled into the config", async () => {
    const session = { flow: sampleFaceSignFlow, clientReferenceId: "fixed" } as never;
    const t = createFaceSignHarness({ session }, { webhooks: false });
    const minted = await t.mint();
    expect(t.sim.session(minted.sessionId)?.settings.clientReferenceId).toBe("acct-1");
  });

  it("needs a signed-in user, a JSON request and a FaceSign config", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    t.auth.current = null;
    expect((await t.post("facesign/session")).status).toBe(401);
    t.auth.current = { accountId: "acct-1" };
    const form = await t.post(
      "facesign/session",
      {},
      { headers: { "content-type": "text/plain" } },
    );
    expect(form.status).toBe(400);
    expect(t.sim.stats().requests).toBe(0);
    const get = await t.handler(new Request("https://shop.example/api/facekit/facesign/session"));
    expect(get.status).toBe(405);
  });

  it("turns an invalid configured flow into a clear vendor_misconfigured error", async () => {
    const flow = sampleFaceSignFlow.filter((node) => node.type !== "end");
    const t = createFaceSignHarness({ session: { flow } }, { webhooks: false });
    const response = await t.post("facesign/session");
    expect(response.status).toBe(502);
    const { error } = await response.json();
    expect(error.code).toBe("vendor_misconfigured");
    expect(error.message).toContain("flow must have at least one end node");
    expect(t.reported.map((e) => e.code)).toEqual(["vendor_misconfigured"]);
  });

  it("answers 404 naming the fix when FaceSign is not configured", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const { createFaceKitHandler } = await import("../createFaceKitHandler.ts");
    const bare = createFaceKitHandler({
      secret: "x".repeat(32),
      authorize: () => ({ accountId: "a" }),
    });
    const response = await bare(
      new Request("https://shop.example/facesign/status", { method: "POST" }),
    );
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain("facesign");
    expect(t.sim.stats().requests).toBe(0);
  });
});

describe("POST facesign/refresh", () => {
  it("mints a new secret; the old link is refused by the hosted page afterwards", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const first = await t.mint();
    const { status, body } = await t.refresh(first.sessionId);
    expect(status).toBe(200);
    const second = body as unknown as FaceSignSession;
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.clientSecret).not.toBe(first.clientSecret);
    expect((await t.open(first.url)).status).toBe(403);
    expect((await t.open(second.url)).node).toBe("hello");
  });

  it("refuses another account's session like an unknown one, without refreshing it", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const mine = await t.mint();
    t.auth.current = { accountId: "acct-2" };
    const foreign = await t.refresh(mine.sessionId);
    const unknown = await t.refresh("00000000-0000-4000-8000-000000000000");
    expect(foreign).toEqual({ status: 404, body: unknown.body });
    expect(foreign.body.error?.code).toBe("session_invalid");
    expect(t.sim.stats().byPath[`/sessions/${mine.sessionId}/refresh`]).toBeUndefined();
    expect((await t.open(mine.url)).node).toBe("hello");
  });

  it("checks ownership with FaceSign when this instance does not know the session", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const mine = await t.mint();
    // A second instance sharing the same vendor: it must ask FaceSign who owns the session.
    const { createFaceKitHandler } = await import("../createFaceKitHandler.ts");
    const instance = createFaceKitHandler({
      secret: "y".repeat(32),
      authorize: () => ({ accountId: "acct-2" }),
      facesign: { apiKey: "sk_test_x", fetch: t.fetch, session: { flow: sampleFaceSignFlow } },
    });
    const response = await instance(
      new Request("https://shop.example/facesign/refresh", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sessionId: mine.sessionId }),
      }),
    );
    expect(response.status).toBe(404);
    expect(t.vendorGets(mine.sessionId)).toBe(1);
  });

  it("refuses a finished session as session_expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    await t.walk(session.url);
    vi.advanceTimersByTime(2_001);
    expect((await t.status(session.sessionId)).body.status).toBe("complete");
    const { status, body } = await t.refresh(session.sessionId);
    expect(status).toBe(410);
    expect(body.error?.code).toBe("session_expired");
  });

  it("asks FaceSign afresh: a session that just ended is refused though cached as created", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    await t.walk(session.url);
    expect((await t.refresh(session.sessionId)).status).toBe(410);
  });

  it("keeps the secret of a session the person is in, without asking FaceSign for a new one", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    const page = await t.open(session.url);
    const { status, body } = await t.refresh(session.sessionId);
    expect(status).toBe(200);
    expect(body.clientSecret).toBe(session.clientSecret);
    expect(t.sim.stats().byPath[`/sessions/${session.sessionId}/refresh`]).toBeUndefined();
    expect((await t.step(session.url, page.node ?? "", "0")).status).toBe(200);
  });

  it("validates the body before calling FaceSign", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    expect((await t.post("facesign/refresh", {})).status).toBe(400);
    expect((await t.post("facesign/refresh", { sessionId: "x".repeat(201) })).status).toBe(400);
    expect(t.sim.stats().requests).toBe(0);
  });
});

describe("POST facesign/status", () => {
  it("follows created -> inProgress -> complete, with the summary at the end", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    expect((await t.status(session.sessionId)).body).toEqual({
      sessionId: session.sessionId,
      status: "created",
    });
    const page = await t.open(session.url);
    vi.advanceTimersByTime(2_001);
    expect((await t.status(session.sessionId)).body.status).toBe("inProgress");
    await t.step(session.url, page.node ?? "", "0");
    await t.step(session.url, "live", "0");
    vi.advanceTimersByTime(2_001);
    const done = (await t.status(session.sessionId)).body;
    expect(done.status).toBe("complete");
    expect(done.summary).toEqual({
      status: "complete",
      verdict: "verified",
      isVerified: true,
      livenessDetected: true,
      lang: "en",
      aiAnalysis: {
        ageMin: 25,
        ageMax: 35,
        realPersonOrVirtual: "real",
        overallSummary: expect.any(String),
      },
    });
  });

  it("reports a session the person left as incomplete, not verified", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    await t.walk(session.url, "leave");
    vi.advanceTimersByTime(2_001);
    const { body } = await t.status(session.sessionId);
    expect(body.status).toBe("incomplete");
    expect(body.summary).toMatchObject({ status: "incomplete", isVerified: false });
  });

  it("asks FaceSign at most once per session every 2 s, and never again once finished", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint(); // the created session is remembered: no GET yet
    await Promise.all([1, 2, 3].map(() => t.status(session.sessionId)));
    expect(t.vendorGets(session.sessionId)).toBe(0);
    vi.advanceTimersByTime(2_001);
    await Promise.all([1, 2, 3].map(() => t.status(session.sessionId)));
    await t.status(session.sessionId);
    expect(t.vendorGets(session.sessionId)).toBe(1);
    await t.walk(session.url);
    vi.advanceTimersByTime(1_000);
    expect((await t.status(session.sessionId)).body.status).toBe("created");
    vi.advanceTimersByTime(1_001);
    expect((await t.status(session.sessionId)).body.status).toBe("complete");
    vi.advanceTimersByTime(60_000);
    for (let i = 0; i < 5; i++) await t.status(session.sessionId);
    expect(t.vendorGets(session.sessionId)).toBe(2);
  });

  it("says whether the secret the browser holds still works, while the session is created", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = createFaceSignHarness({}, { webhooks: false });
    const first = await t.mint();
    const { sessionId } = first;
    const valid = async (secret: string) => (await t.status(sessionId, secret)).body.secretValid;
    expect(await valid(first.clientSecret)).toBe(true);
    const second = (await t.refresh(sessionId)).body.clientSecret as string;
    expect(await valid(first.clientSecret)).toBe(false);
    expect(await valid(second)).toBe(true);
    // Replaced behind this instance's back (another server instance): seen at the next lookup.
    const key = { authorization: `Bearer ${defaultFaceSignKey}` };
    await t.fetch(`https://api.facesign.test/sessions/${sessionId}/refresh`, { headers: key });
    vi.advanceTimersByTime(2_001);
    expect(await valid(second)).toBe(false);
    const current = (await t.refresh(sessionId)).body.clientSecret as string;
    expect(await valid(current)).toBe(true);
    vi.advanceTimersByTime(2 * 3600_000); // past expireAt
    expect(await valid(current)).toBe(false);
  });

  it("leaves secretValid out once the person began", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    await t.open(session.url);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.advanceTimersByTime(2_001);
    const { body } = await t.status(session.sessionId, session.clientSecret);
    expect(body).toEqual({ sessionId: session.sessionId, status: "inProgress" });
  });

  it("refuses another account's session and unknown sessions alike", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    t.auth.current = { accountId: "acct-2" };
    const foreign = await t.status(session.sessionId);
    const unknown = await t.status("00000000-0000-4000-8000-000000000000");
    expect(foreign).toEqual({ status: 404, body: unknown.body });
    expect(foreign.body.error?.code).toBe("session_invalid");
  });

  it("passes vendor failures on without keeping them", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    vi.advanceTimersByTime(2_001);
    t.sim.setScenario({ failNext: { status: 503, count: 1 } });
    const failed = await t.status(session.sessionId);
    expect(failed.status).toBe(503);
    expect(failed.body.error?.code).toBe("vendor_unavailable");
    expect((await t.status(session.sessionId)).status).toBe(200);
  });

  it("adds exactly the exposed report fields", async () => {
    const t = createFaceSignHarness(
      { expose: ["transcript", "extractedData"] },
      { webhooks: false },
    );
    const session = await t.mint();
    await t.walk(session.url);
    const plain = createFaceSignHarness({}, { webhooks: false });
    const other = await plain.mint();
    await plain.walk(other.url);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.advanceTimersByTime(2_001);
    const exposed = (await t.status(session.sessionId)).body.summary as Record<string, unknown>;
    const base = (await plain.status(other.sessionId)).body.summary as Record<string, unknown>;
    expect(Object.keys(exposed).sort()).toEqual(
      [...Object.keys(base), "transcript", "extractedData"].sort(),
    );
    expect(Array.isArray(exposed.transcript)).toBe(true);
    expect(base).not.toHaveProperty("videos");
    expect(base).not.toHaveProperty("screenshots");
  });

  it("refuses an unknown expose field at creation", () => {
    expect(() => createFaceSignHarness({ expose: ["aiAnalysis" as never] })).toThrow(
      /facesign.expose/,
    );
  });
});
