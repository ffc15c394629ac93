import { describe, expect, it } from "vitest";
import { defaultDiditKey } from "./createDiditContext.ts";
import { createDiditTestDriver, smallFixtureFile } from "./createDiditTestDriver.ts";

const rateHeaders = [
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "retry-after",
];
const pair = async () => ({
  user_image: await smallFixtureFile("personA"),
  ref_image: await smallFixtureFile("personA2"),
});

describe("auth and routing", () => {
  it("answers Didit's documented 403 (never 401) without x-api-key or with an unknown key", async () => {
    const t = createDiditTestDriver();
    const documented = { detail: "You do not have permission to perform this action." };
    const attempts: Record<string, string>[] = [{}, { "x-api-key": "nope" }, { "x-api-key": "" }];
    for (const headers of attempts) {
      const res = await t.match(await pair(), headers);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(documented);
    }
    expect(t.sim.stats()).toMatchObject({ faceMatchRequests: 3, creditsSpent: 0 });
  });

  it("accepts the keys given in options instead of the default", async () => {
    const t = createDiditTestDriver({ apiKeys: ["mine"] });
    expect((await t.match(await pair(), { "x-api-key": "mine" })).status).toBe(200);
    const old = await t.match(await pair(), { "x-api-key": defaultDiditKey });
    expect(old.status).toBe(403);
  });

  it("answers 404 for unknown paths, other methods and a missing trailing slash", async () => {
    const t = createDiditTestDriver();
    for (const path of ["/v3/face-match", "/v2/face-match/", "/v3/face-match/"]) {
      const res = await t.get(path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Not found." });
    }
  });
});

describe("rate limit", () => {
  it("answers 429 past the writes-per-minute limit, with the four headers on the 429 only", async () => {
    let clock = 1_700_000_000_000;
    const t = createDiditTestDriver({ now: () => clock });
    t.sim.setScenario({ rateLimitPerMinute: 2 });
    for (let i = 0; i < 2; i++) {
      const ok = await t.match({ vendor_data: "x" }); // 400s count as writes too
      expect(ok.status).toBe(400);
      for (const h of rateHeaders) expect(ok.res.headers.has(h)).toBe(false);
    }
    clock += 20_000;
    const limited = await t.match(await pair());
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ detail: expect.stringMatching(/throttled/) });
    expect(limited.res.headers.get("x-ratelimit-limit")).toBe("2");
    expect(limited.res.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.res.headers.get("retry-after")).toBe("40");
    expect(limited.res.headers.get("x-ratelimit-reset")).toBe(String(1_700_000_020 + 40));
    expect(t.sim.stats().creditsSpent).toBe(0);
    // Reads have their own (600/min) budget; the decision lookup is not blocked.
    const read = await t.get(`/v3/session/${crypto.randomUUID()}/decision/`);
    expect(read.status).toBe(404);
    for (const h of rateHeaders) expect(read.res.headers.has(h)).toBe(false);
    clock += 40_000;
    expect((await t.match(await pair())).status).toBe(200);
  });

  it("allows 300 writes per minute per key by default", async () => {
    const t = createDiditTestDriver({ apiKeys: ["k1", "k2"], now: () => 0 });
    for (let i = 0; i < 300; i++) {
      expect((await t.match({}, { "x-api-key": "k1" })).status).toBe(400);
    }
    expect((await t.match({}, { "x-api-key": "k1" })).status).toBe(429);
    expect((await t.match({}, { "x-api-key": "k2" })).status).toBe(400);
  });
});

describe("scenario faults and latency", () => {
  it("fails the next calls with failNext before any state change", async () => {
    const t = createDiditTestDriver();
    t.sim.setScenario({ failNext: { status: 503, count: 2 } });
    const first = await t.match(await pair());
    expect(first.status).toBe(503);
    expect(first.body).toEqual({ detail: expect.any(String) });
    for (const h of rateHeaders) expect(first.res.headers.has(h)).toBe(false);
    expect((await t.get(`/v3/session/${crypto.randomUUID()}/decision/`)).status).toBe(503);
    expect(t.sim.scenario.failNext).toBeNull();
    t.sim.setScenario({ failNext: { status: 500, count: 1 } });
    expect((await t.match(await pair())).status).toBe(500);
    t.sim.setScenario({ failNext: { status: 429, count: 1 } });
    const throttled = await t.match(await pair());
    expect(throttled.status).toBe(429);
    expect(throttled.res.headers.get("retry-after")).toBe("1");
    expect(t.sim.stats()).toMatchObject({ creditsSpent: 0, creditsRemaining: 1000 });
    expect((await t.match(await pair())).status).toBe(200);
  });

  it("adds the scenario latency to API calls", async () => {
    const t = createDiditTestDriver();
    t.sim.setScenario({ latencyMs: 60 });
    const started = performance.now();
    await t.get("/v3/session/x/decision/");
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("refuses bad scenario values", () => {
    const t = createDiditTestDriver();
    expect(() => t.sim.setScenario({ credits: -1 })).toThrow(TypeError);
    expect(() => t.sim.setScenario({ rateLimitPerMinute: 1.5 })).toThrow(TypeError);
    expect(() => t.sim.setScenario({ failNext: { status: 418 as 500, count: 1 } })).toThrow(
      TypeError,
    );
  });
});

describe("credits", () => {
  it("spends one credit per 200 only and answers 403 once they are gone", async () => {
    const t = createDiditTestDriver({ credits: 2 });
    expect((await t.match({ user_image: await smallFixtureFile("personA") })).status).toBe(400);
    expect(t.sim.stats()).toMatchObject({ creditsSpent: 0, creditsRemaining: 2 });
    expect((await t.match(await pair())).status).toBe(200);
    const declined = await t.match({
      user_image: await smallFixtureFile("personB"),
      ref_image: await smallFixtureFile("personA"),
    });
    expect(declined.status).toBe(200);
    expect(t.sim.stats()).toMatchObject({
      faceMatchRequests: 3,
      faceMatches: { approved: 1, declined: 1 },
      creditsSpent: 2,
      creditsRemaining: 0,
    });
    const broke = await t.match(await pair());
    expect(broke.status).toBe(403);
    expect(broke.body).toEqual({ detail: "Insufficient credits." });
    t.sim.setScenario({ credits: 1 });
    expect((await t.match(await pair())).status).toBe(200);
    t.sim.reset();
    expect(t.sim.stats()).toMatchObject({ requests: 0, creditsSpent: 0, creditsRemaining: 2 });
  });
});
