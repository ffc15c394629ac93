import type { FaceSignListBody } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { appBase, createFaceSignTestDriver } from "./createFaceSignTestDriver.ts";

describe("GET /sessions", () => {
  it("pages newest first with limit, cursor, hasMore and nextCursor", async () => {
    let clock = 1_000_000;
    const t = createFaceSignTestDriver({ now: () => clock });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock += 1000;
      ids.push((await t.create({ clientReferenceId: `u${i % 2}` })).body.session.id);
    }
    const newest = [...ids].reverse();
    const first = await t.call<FaceSignListBody>("GET", "/sessions?limit=2&includeTotal=true");
    expect(first.body.sessions.map((s) => s.id)).toEqual(newest.slice(0, 2));
    expect(first.body).toMatchObject({ hasMore: true, nextCursor: newest[1], totalCount: 5 });
    const second = await t.call<FaceSignListBody>(
      "GET",
      `/sessions?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.sessions.map((s) => s.id)).toEqual(newest.slice(2, 4));
    const third = await t.call<FaceSignListBody>(
      "GET",
      `/sessions?limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.sessions.map((s) => s.id)).toEqual(newest.slice(4));
    expect(third.body.hasMore).toBe(false);
    expect(third.body.nextCursor).toBeUndefined();
    expect(third.body.totalCount).toBeUndefined();

    const all = await t.call<FaceSignListBody>("GET", "/sessions");
    expect(all.body.sessions).toHaveLength(5); // default limit 25
    const asc = await t.call<FaceSignListBody>("GET", "/sessions?sortOrder=asc&limit=1");
    expect(asc.body.sessions[0]?.id).toBe(ids[0]);
  });

  it("filters by status (repeated or comma-separated) and clientReferenceId", async () => {
    const t = createFaceSignTestDriver();
    const a = (await t.create({ clientReferenceId: "alice" })).body;
    const b = (await t.create({ clientReferenceId: "bob" })).body;
    await t.create({ clientReferenceId: "alice" });
    await t.open(a.clientSecret.url); // inProgress
    const opened = await t.open(b.clientSecret.url);
    await t.step(b.clientSecret.secret, opened.node as string, "leave"); // incomplete

    const ids = async (query: string) =>
      (await t.call<FaceSignListBody>("GET", `/sessions?${query}`)).body.sessions.map((s) => s.id);
    expect(await ids("status=inProgress")).toEqual([a.session.id]);
    expect(await ids("status=inProgress&status=incomplete")).toHaveLength(2);
    expect(await ids("status=inProgress,incomplete")).toHaveLength(2);
    expect(await ids("clientReferenceId=bob")).toEqual([b.session.id]);
    expect(await ids("clientReferenceId=alice&status=created")).toHaveLength(1);
    expect(await ids("clientReferenceId=carol")).toEqual([]);
  });

  it("refuses a bad limit, cursor or sort with 400 validation_error", async () => {
    const t = createFaceSignTestDriver();
    for (const query of ["limit=0", "limit=101", "limit=abc", "cursor=unknown", "sortBy=name"]) {
      const res = await t.call("GET", `/sessions?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ error: { type: "validation_error" } });
    }
    expect((await t.call("GET", "/sessions?limit=100")).status).toBe(200);
  });
});

describe("catalog", () => {
  it("lists the 13 documented languages and avatars with image URLs", async () => {
    const t = createFaceSignTestDriver();
    const langs = await t.call<{ langs: { id: string; title: string }[] }>("GET", "/langs");
    expect(langs.body.langs.map((l) => l.id)).toEqual([
      "en",
      "it",
      "de",
      "fr",
      "es",
      "pt",
      "ru",
      "ja",
      "id",
      "no",
      "zh",
      "zh-TW",
      "zh-HK",
    ]);
    const avatars = await t.call<{ avatars: { id: string; gender: string; imageUrl: string }[] }>(
      "GET",
      "/avatars",
    );
    expect(avatars.body.avatars.length).toBeGreaterThan(0);
    for (const a of avatars.body.avatars) {
      expect(["male", "female", "unknown"]).toContain(a.gender);
      expect(a.imageUrl).toBe(`${appBase}/avatars/${a.id}.jpg`);
      const image = await t.sim.app(new Request(a.imageUrl));
      expect(image.headers.get("content-type")).toBe("image/jpeg");
    }
  });
});

describe("rate limit and faults", () => {
  it("answers 429 rate_limit_error with X-RateLimit headers past the per-minute limit", async () => {
    let clock = 1_700_000_000_000;
    const t = createFaceSignTestDriver({ now: () => clock, rateLimitPerMinute: 2 });
    expect((await t.call("GET", "/langs")).status).toBe(200);
    clock += 20_000;
    expect((await t.call("GET", "/avatars")).status).toBe(200);
    const limited = await t.call("GET", "/sessions");
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { type: "rate_limit_error" } });
    expect(limited.res.headers.get("x-ratelimit-limit")).toBe("2");
    expect(limited.res.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.res.headers.get("x-ratelimit-reset")).toBe(String(1_700_000_060));
    // sk_prod_ keys have their own, larger window
    expect(
      (await t.call("GET", "/langs", undefined, { authorization: "Bearer sk_prod_a" })).status,
    ).toBe(200);
    clock += 40_000;
    expect((await t.call("GET", "/langs")).status).toBe(200);
  });

  it("failNext fails the next calls with FaceSign error bodies and no side effects", async () => {
    const t = createFaceSignTestDriver();
    t.sim.setScenario({ failNext: { status: 503, count: 2 } });
    const first = await t.create();
    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({ error: { type: "server_error" } });
    expect(t.sim.scenario.failNext).toEqual({ status: 503, count: 1 });
    // an unauthenticated call is refused first and does not use up the fault
    expect((await t.call("GET", "/langs", undefined, {})).status).toBe(401);
    expect((await t.call("GET", "/sessions")).status).toBe(503);
    expect(t.sim.scenario.failNext).toBeNull();
    const list = await t.call<FaceSignListBody>("GET", "/sessions");
    expect(list.body.sessions).toEqual([]);
    t.sim.setScenario({ failNext: { status: 429, count: 1 } });
    expect((await t.call("GET", "/langs")).body).toMatchObject({
      error: { type: "rate_limit_error" },
    });
  });
});

describe("control routes", () => {
  it("reads and patches the scenario, resets, reports stats and sessions, with CORS *", async () => {
    const t = createFaceSignTestDriver();
    const control = (method: string, path: string, body?: string) =>
      t.sim.api(new Request(`http://api.test/__simulator/${path}`, { method, body }));
    const created = (await t.create()).body;
    const patched = await control("POST", "scenario", JSON.stringify({ latencyMs: 5 }));
    expect(patched.headers.get("access-control-allow-origin")).toBe("*");
    expect(await patched.json()).toEqual({
      latencyMs: 5,
      failNext: null,
      secretTtlMs: null,
      reportShape: "both",
      deepfake: "authentic",
      webhookTypes: "current",
      mediaWebhooks: false,
    });
    expect((await control("POST", "scenario", '{"nope":1}')).status).toBe(400);
    expect((await control("OPTIONS", "scenario")).status).toBe(204);
    expect(await (await control("GET", "stats")).json()).toEqual({
      requests: 1,
      byPath: { "/sessions": 1 },
      byVersion: { none: 1 },
    });
    const session = await (await control("GET", `sessions/${created.session.id}`)).json();
    expect(session).toMatchObject({ id: created.session.id, status: "created" });
    expect((await control("GET", "sessions/nope")).status).toBe(404);
    expect((await control("POST", "reset")).status).toBe(200);
    expect(t.sim.scenario.latencyMs).toBe(0);
    expect(t.sim.session(created.session.id)).toBeUndefined();
    expect(t.sim.stats()).toEqual({ requests: 0, byPath: {}, byVersion: {} });
  });
});
