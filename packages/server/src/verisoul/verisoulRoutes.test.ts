import type { FaceMatchResultResponse } from "@facekit/core/protocol";
import {
  createVerisoulHarness,
  simAppBaseUrl,
  testRedirectUrl,
  testSecret,
} from "@facekit/test-utils/server";
import { decodeJwt, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FaceMatchResultEvent } from "./types.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("session route", () => {
  it("mints a session: hosted URL from config, expiry hint and a token bound to the account", async () => {
    const t = createVerisoulHarness({ defaultLang: "fr", sessionTtlMs: 5 * 60_000 });
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
    const t = createVerisoulHarness({ simulate: "liveness_check_failed" });
    const referringSessionId = crypto.randomUUID();
    const response = await t.post("verisoul/session", { referringSessionId });
    const session = await response.json();
    expect(t.sim.session(session.sessionId)).toMatchObject({ referringSessionId });
    expect(t.sim.session(session.sessionId)).toMatchObject({ simulate: "liveness_check_failed" });
  });

  it("mintFaceMatchSession gives the same shape outside a request", async () => {
    const t = createVerisoulHarness();
    const session = await t.handler.mintFaceMatchSession("acct-ssr");
    expect(decodeJwt(session.token).sub).toBe("acct-ssr");
    expect(new URL(session.url).searchParams.get("session_id")).toBe(session.sessionId);
    await expect(t.handler.mintFaceMatchSession("")).rejects.toMatchObject({
      code: "misconfigured",
    });
  });
});

describe("result route", () => {
  it("answers pending until the person finishes, then the verdict", async () => {
    const t = createVerisoulHarness({ pendingLookupIntervalMs: 0 });
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
    // Exactly these fields: features that are off do not appear, linked accounts are a count.
    expect(answer.result).toEqual({
      sessionId: session.sessionId,
      decision: "Real",
      riskScore: expect.any(Number),
      riskFlags: [],
      linkedAccounts: 0,
    });
  });

  it("answers 422 liveness_failed with the vendor code", async () => {
    const t = createVerisoulHarness();
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
    const t = createVerisoulHarness();
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
    const t = createVerisoulHarness();
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
    const t = createVerisoulHarness({ sessionTtlMs: 60_000 });
    const session = await t.mint();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(session.expiresAt + 3600_000 + 1000);
    const { status, body } = await t.result(session.token);
    expect(status).toBe(410);
    expect(body.error?.code).toBe("session_expired");
  });

  it("passes a vendor 429 on as 429 with Retry-After when Verisoul sent one", async () => {
    const t = createVerisoulHarness();
    const session = await t.mint();
    t.sim.setScenario({ failNext: { status: 429, count: 1 } });
    const injected = await t.post("verisoul/result", { token: session.token });
    expect(injected.status).toBe(429);
    expect((await injected.json()).error.code).toBe("rate_limited");

    // Exhaust the real 300/min limit (many accounts: each has its own ration of mints): its 429
    // carries Retry-After.
    let minted = 0;
    while (minted < 400) {
      t.auth.current = { accountId: `acct-mint-${minted}` };
      if ((await t.post("verisoul/session")).status !== 200) break;
      minted += 1;
    }
    t.auth.current = { accountId: "acct-1" };
    expect(minted).toBeGreaterThan(290);
    const limited = await t.post("verisoul/result", { token: session.token });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatchObject({ code: "rate_limited", retryAfter });
  });

  it("answers 503 vendor_unavailable for vendor 5xx and reports it", async () => {
    const t = createVerisoulHarness();
    t.sim.setScenario({ failNext: { status: 500, count: 1 } });
    const response = await t.post("verisoul/session");
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("vendor_unavailable");
    expect(t.reported.map((e) => e.code)).toEqual(["vendor_unavailable"]);
  });
});

describe("verisoul.onResult", () => {
  it("gets the first completed result once, with the verdict, the browser's result and the vendor's body", async () => {
    const t = createVerisoulHarness({ enroll: true, pendingLookupIntervalMs: 0 });
    const session = await t.mint();
    await t.result(session.token);
    expect(t.results).toEqual([]); // pending is not a result

    await t.complete(session.sessionId, "alice");
    t.sim.setScenario({ latencyMs: 20 });
    const answers = await Promise.all([t.result(session.token), t.result(session.token)]);
    const later = await t.result(session.token);
    expect(t.results).toHaveLength(1);
    const [event] = t.results;
    expect(event).toEqual({
      accountId: "acct-1",
      sessionId: session.sessionId,
      verdict: {
        sessionId: session.sessionId,
        decision: "Real",
        riskScore: expect.any(Number),
        riskFlags: [],
        accountsLinked: [],
        enrolled: true,
      },
      result: (answers[0]?.body as { result: unknown }).result,
      body: expect.objectContaining({
        decision: "Real",
        metadata: expect.objectContaining({ session_id: session.sessionId }),
        photo_urls: expect.any(Object),
      }),
    });
    for (const answer of [...answers, later]) expect(answer.body).toEqual(answers[0]?.body);
  });

  it("runs before the answer is sent", async () => {
    const t = createVerisoulHarness();
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    let release = () => {};
    const saved = new Promise<void>((resolve) => {
      release = resolve;
    });
    t.onResult.current = () => saved;
    let answered = false;
    const pending = t.result(session.token).then((answer) => {
      answered = true;
      return answer;
    });
    await vi.waitFor(() => expect(t.results).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    expect((await pending).body).toMatchObject({ status: "completed" });
  });

  it("answers 500 internal when it throws, reports it, and runs again on the next call", async () => {
    const t = createVerisoulHarness({ enroll: true });
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    t.onResult.current = () => Promise.reject(new Error("db down: password hunter2"));
    const failed = await t.post("verisoul/result", { token: session.token });
    expect(failed.status).toBe(500);
    const text = await failed.text();
    expect(text).not.toMatch(/hunter2/);
    expect(JSON.parse(text).error.code).toBe("internal");
    expect(t.reported.map((e) => e.code)).toEqual(["internal"]);
    expect((t.reported[0]?.cause as Error).message).toMatch(/db down/);

    t.onResult.current = undefined;
    const retried = await t.result(session.token);
    expect(retried).toMatchObject({ status: 200, body: { status: "completed" } });
    expect(t.results).toHaveLength(2);
    // The same verdict and result, kept in the store; Verisoul's body (photo URLs, never stored)
    // is read again for the retry: it now shows the enrolment.
    const { body: firstBody, ...first } = t.results[0] as FaceMatchResultEvent;
    const { body: retriedBody, ...again } = t.results[1] as FaceMatchResultEvent;
    expect(again).toEqual(first);
    expect(retriedBody.metadata?.session_id).toBe(firstBody.metadata?.session_id);
    expect(retriedBody.metadata?.account_id).toBe("acct-1");
    await t.result(session.token);
    expect(t.results).toHaveLength(2);
    // The lookup ran once; the retry re-ran onResult after one verify-face read of the body.
    expect(t.sim.stats().byPath).toMatchObject({
      "/liveness/verify-face": 2,
      "/liveness/enroll": 1,
    });
  });

  it("is not called for failed captures", async () => {
    const t = createVerisoulHarness();
    const session = await t.mint();
    await t.complete(session.sessionId, "bob", "liveness_check_failed");
    expect((await t.result(session.token)).status).toBe(422);
    expect(t.results).toEqual([]);
  });
});

describe("session route: language", () => {
  const lngOf = (session: { url: string }) => new URL(session.url).searchParams.get("lng");

  it("follows the browser's locale when verisoul.langs allows it (or its parent)", async () => {
    const t = createVerisoulHarness({ defaultLang: "en", langs: ["en", "es", "fr"] });
    const mint = async (locale: string) =>
      lngOf(await (await t.post("verisoul/session", { locale })).json());
    expect(await mint("es")).toBe("es");
    expect(await mint("fr-CA")).toBe("fr");
    expect(await mint("FR_be")).toBe("fr");
    expect(lngOf(await t.handler.mintFaceMatchSession("acct-ssr", { locale: "es-MX" }))).toBe("es");
  });

  it("ignores a locale the config does not allow, and any locale without langs", async () => {
    const allowed = createVerisoulHarness({ defaultLang: "en", langs: ["en", "es"] });
    const mint = async (t: typeof allowed, locale: string) =>
      lngOf(await (await t.post("verisoul/session", { locale })).json());
    expect(await mint(allowed, "de")).toBe("en");
    expect(await mint(allowed, "x-evil&redirect_url=https://evil.example")).toBe("en");
    // Only `defaultLang` configured: the browser chooses nothing.
    expect(await mint(createVerisoulHarness({ defaultLang: "fr" }), "es")).toBe("fr");
    // Nothing configured: Verisoul's default, no `lng` at all.
    expect(await mint(createVerisoulHarness(), "es")).toBeNull();
  });

  it("refuses a locale that is not a short string, and a bad langs config at boot", async () => {
    const t = createVerisoulHarness({ langs: ["en", "es"] });
    expect((await t.post("verisoul/session", { locale: 42 })).status).toBe(400);
    expect((await t.post("verisoul/session", { locale: "e".repeat(101) })).status).toBe(400);
    expect(t.sim.stats().byPath["/liveness/session"] ?? 0).toBe(0);
    expect(() => createVerisoulHarness({ langs: "es" as never })).toThrow(/verisoul.langs/);
    expect(() => createVerisoulHarness({ langs: [""] })).toThrow(/verisoul.langs/);
  });
});
