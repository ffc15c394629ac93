import type { FaceMatchResultResponse } from "@facekit/core/protocol";
import { decodeJwt, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFaceKitServer } from "../createFaceKitServer.ts";
import { createServerHarness, testSecret } from "./createServerHarness.ts";
import { simAppBaseUrl, testRedirectUrl } from "./createSimHarness.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("session route", () => {
  it("mints a session: hosted URL from config, expiry hint and a token bound to the account", async () => {
    const t = createServerHarness({ lng: "fr", sessionTtlMs: 5 * 60_000 });
    const before = Date.now();
    const response = await t.post("verisoul/session");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const session = await response.json();
    expect(Object.keys(session).sort()).toEqual(["expiresAt", "sessionId", "token", "url"]);

    const url = new URL(session.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${simAppBaseUrl}/`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      session_id: session.sessionId,
      redirect_url: testRedirectUrl,
      lng: "fr",
    });
    expect(session.expiresAt).toBeGreaterThanOrEqual(before + 5 * 60_000);
    expect(session.expiresAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000);

    const claims = decodeJwt(session.token);
    expect(claims).toMatchObject({
      sid: session.sessionId,
      sub: "acct-1",
      aud: "facekit:verisoul",
    });
    // Results are read after the flow: the token outlives the session hint by an hour.
    expect(claims.exp).toBe(Math.floor((session.expiresAt + 3600_000) / 1000));
  });

  it("forwards referringSessionId and the configured simulate outcome", async () => {
    const t = createServerHarness({ simulate: "liveness_check_failed" });
    const referringSessionId = crypto.randomUUID();
    const response = await t.post("verisoul/session", { referringSessionId });
    const session = await response.json();
    expect(t.sim.session(session.sessionId)).toMatchObject({ referringSessionId });
    expect(t.sim.session(session.sessionId)).toMatchObject({ simulate: "liveness_check_failed" });
  });

  it("mintFaceMatchSession gives the same shape outside a request", async () => {
    const t = createServerHarness();
    const session = await t.server.mintFaceMatchSession("acct-ssr");
    expect(decodeJwt(session.token).sub).toBe("acct-ssr");
    expect(new URL(session.url).searchParams.get("session_id")).toBe(session.sessionId);
  });
});

describe("result route", () => {
  it("answers pending until the person finishes, then the verdict", async () => {
    const t = createServerHarness();
    const session = await t.mint();
    expect(await t.result(session.token)).toEqual({ status: 200, body: { status: "pending" } });
    await t.start(session.sessionId);
    expect(await t.result(session.token)).toEqual({ status: 200, body: { status: "pending" } });

    await t.complete(session.sessionId, "alice");
    const { status, body } = await t.result(session.token);
    expect(status).toBe(200);
    const answer = body as unknown as FaceMatchResultResponse;
    expect(answer.status).toBe("completed");
    if (answer.status !== "completed") return;
    expect(answer.result).toMatchObject({
      sessionId: session.sessionId,
      decision: "Real",
      riskFlags: [],
    });
    // Features that are off do not appear.
    expect(answer.result).not.toHaveProperty("match");
    expect(answer.result).not.toHaveProperty("enrolled");
  });

  it("answers 422 liveness_failed with the vendor code", async () => {
    const t = createServerHarness();
    const session = await t.mint();
    await t.complete(session.sessionId, "bob", "liveness_check_failed");
    const { status, body } = await t.result(session.token);
    expect(status).toBe(422);
    expect(body.error).toMatchObject({
      code: "liveness_failed",
      vendorCode: "liveness_check_failed",
    });
    expect(t.reported.map((e) => e.code)).toEqual(["liveness_failed"]);
  });

  it("refuses a token minted for another account, exactly like an unknown one", async () => {
    const t = createServerHarness();
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    t.auth.current = { accountId: "acct-2" };
    const stolen = await t.result(session.token);
    expect(stolen.status).toBe(404);
    const garbage = await t.result("not-a-token");
    expect(stolen.body).toEqual(garbage.body);
    expect(stolen.body.error?.code).toBe("session_invalid");
  });

  it("refuses tampered, foreign and wrong-audience tokens with 404 session_invalid", async () => {
    const t = createServerHarness();
    const session = await t.mint();
    const [header, payload, signature] = session.token.split(".") as [string, string, string];
    const forged = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    forged.sub = "acct-2";
    const forgedPayload = btoa(JSON.stringify(forged))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    const key = new TextEncoder().encode("another-secret-another-secret-another-secret");
    const otherKey = await new SignJWT({ sid: session.sessionId })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("acct-1")
      .setAudience("facekit:verisoul")
      .setExpirationTime("1h")
      .sign(key);
    const wrongAudience = await new SignJWT({ sid: session.sessionId })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("acct-1")
      .setAudience("something-else")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(testSecret));
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    for (const token of [
      `${header}.${forgedPayload}.${signature}`,
      otherKey,
      wrongAudience,
      flipped,
    ]) {
      const { status, body } = await t.result(token);
      expect(status).toBe(404);
      expect(body.error?.code).toBe("session_invalid");
    }
  });

  it("answers 410 session_expired once the token expired", async () => {
    const t = createServerHarness({ sessionTtlMs: 60_000 });
    const session = await t.mint();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(session.expiresAt + 3600_000 + 1000);
    const { status, body } = await t.result(session.token);
    expect(status).toBe(410);
    expect(body.error?.code).toBe("session_expired");
  });

  it("authenticates 1:1 when enabled, per config or per request", async () => {
    const t = createServerHarness({ enroll: true });
    const signup = await t.mint();
    await t.complete(signup.sessionId, "alice");
    expect((await t.result(signup.token)).body).toMatchObject({ result: { enrolled: true } });

    t.auth.current = { accountId: "acct-1", verisoul: { authenticate: true, enroll: false } };
    const login = await t.mint();
    await t.complete(login.sessionId, "alice");
    const same = await t.result(login.token);
    expect(same.body).toMatchObject({ status: "completed", result: { match: true } });
    expect(same.body.result).not.toHaveProperty("enrolled");

    const impostor = await t.mint();
    await t.complete(impostor.sessionId, "bob");
    expect((await t.result(impostor.token)).body).toMatchObject({ result: { match: false } });
  });

  it("answers 404 account_not_found when authenticating an account without a face", async () => {
    const t = createServerHarness({ authenticate: true });
    const login = await t.mint();
    await t.complete(login.sessionId, "chen");
    const { status, body } = await t.result(login.token);
    expect(status).toBe(404);
    expect(body.error?.code).toBe("account_not_found");
  });

  it("enrols a Real face once, then flags the same face for another account", async () => {
    const t = createServerHarness({ enroll: true });
    const first = await t.mint();
    await t.complete(first.sessionId, "dana");
    expect((await t.result(first.token)).body).toMatchObject({
      status: "completed",
      result: { decision: "Real", enrolled: true },
    });

    t.auth.current = { accountId: "acct-2" };
    const second = await t.mint();
    await t.complete(second.sessionId, "dana");
    const { body } = await t.result(second.token);
    expect(body).toMatchObject({ status: "completed", result: { enrolled: false } });
    const result = (
      body as { result: { decision: string; riskFlags: string[]; accountsLinked: unknown[] } }
    ).result;
    expect(result.decision).not.toBe("Real");
    expect(result.riskFlags).toContain("repeat_face");
    expect(result.accountsLinked).toContainEqual({
      accountId: "acct-1",
      matchTypes: expect.arrayContaining(["face"]),
    });
  });

  it("is idempotent: concurrent and repeated result calls agree and enrol once", async () => {
    const t = createServerHarness({ enroll: true });
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    // Latency makes the three calls overlap, as popup and polling do over a real network.
    t.sim.setScenario({ latencyMs: 40 });
    const answers = await Promise.all([
      t.result(session.token),
      t.result(session.token),
      t.result(session.token),
    ]);
    const again = await t.result(session.token);
    for (const answer of [...answers, again]) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(answers[0]?.body);
      expect(answer.body).toMatchObject({ result: { enrolled: true } });
    }
    expect(t.sim.session(session.sessionId)).toMatchObject({ accountId: "acct-1" });
    // Concurrent calls shared one vendor exchange; the later call saw the enrolment and did not
    // enrol again.
    expect(t.sim.stats().byPath).toMatchObject({
      "/liveness/verify-face": 2,
      "/liveness/enroll": 1,
    });
  });

  it("settles a lost enrolment race between two server instances", async () => {
    const t = createServerHarness({ enroll: true });
    const other = createFaceKitServer({
      secret: testSecret,
      authorize: () => ({ accountId: "acct-1" }),
      verisoul: { ...t.options(), redirectUrl: testRedirectUrl, enroll: true },
    });
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    t.sim.setScenario({ latencyMs: 40 });
    const viaOther = other
      .handle(
        new Request("https://shop.example/api/facekit/verisoul/result", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token: session.token }),
        }),
      )
      .then((r) => r.json());
    const [a, b] = await Promise.all([t.result(session.token), viaOther]);
    expect(a.body).toMatchObject({ result: { enrolled: true } });
    expect(b).toEqual(a.body);
    // Both instances tried to enrol; the loser asked Verisoul who owns the session now.
    expect(t.sim.stats().byPath).toMatchObject({ "/liveness/enroll": 2, "/liveness/verify-face": 3 });
  });

  it("does not enrol a session that is not judged Real", async () => {
    const t = createServerHarness({ enroll: true });
    t.sim.setScenario({ decision: "Suspicious" });
    const session = await t.mint();
    await t.complete(session.sessionId, "bob");
    expect((await t.result(session.token)).body).toMatchObject({
      result: { decision: "Suspicious", enrolled: false },
    });
    expect(t.sim.session(session.sessionId)).not.toMatchObject({ accountId: "acct-1" });
  });

  it("passes a vendor 429 on as 429 with Retry-After when Verisoul sent one", async () => {
    const t = createServerHarness();
    const session = await t.mint();
    t.sim.setScenario({ failNext: { status: 429, count: 1 } });
    const injected = await t.post("verisoul/result", { token: session.token });
    expect(injected.status).toBe(429);
    expect((await injected.json()).error.code).toBe("rate_limited");

    // Exhaust the real 300/min limit: its 429 carries Retry-After.
    let minted = 0;
    while ((await t.post("verisoul/session")).status === 200 && minted < 400) minted += 1;
    expect(minted).toBeGreaterThan(290);
    const limited = await t.post("verisoul/result", { token: session.token });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatchObject({ code: "rate_limited", retryAfter });
  });

  it("answers 503 vendor_unavailable for vendor 5xx and reports it", async () => {
    const t = createServerHarness();
    t.sim.setScenario({ failNext: { status: 500, count: 1 } });
    const response = await t.post("verisoul/session");
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("vendor_unavailable");
    expect(t.reported.map((e) => e.code)).toEqual(["vendor_unavailable"]);
  });
});
