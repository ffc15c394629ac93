import { describe, expect, it } from "vitest";
import { apiBase, createTestDriver } from "./createTestDriver.ts";
import { createVerisoulSimulator } from "./createVerisoulSimulator.ts";

describe("rate limit", () => {
  it("answers 429 past N calls per key in 60 s, over all endpoints, and recovers", async () => {
    let clock = 1_000_000;
    const sim = createVerisoulSimulator({ now: () => clock, rateLimitPerMinute: 3 });
    const t = createTestDriver(sim);
    const id = await t.mint(); // 1 at t=0
    clock += 20_000;
    expect((await t.verifyFace(id)).status).toBe(400); // 2 at t=20 s
    expect((await t.enroll(id, "a")).status).toBe(400); // 3 at t=20 s
    const limited = await t.call("GET", "/liveness/session");
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: "Too Many Requests", statusCode: 429 });
    expect(limited.res.headers.get("retry-after")).toBe("40");
    expect(limited.res.headers.get("x-ratelimit-limit")).toBeNull();

    // Other keys have their own window.
    const other = createVerisoulSimulator({ apiKeys: ["a", "b"], rateLimitPerMinute: 1 });
    expect((await createTestDriver(other, "a").call("GET", "/liveness/session")).status).toBe(200);
    expect((await createTestDriver(other, "b").call("GET", "/liveness/session")).status).toBe(200);
    expect((await createTestDriver(other, "a").call("GET", "/liveness/session")).status).toBe(429);

    clock += 40_000; // the first call (t=0) leaves the window
    expect((await t.call("GET", "/liveness/session")).status).toBe(200);
    expect((await t.call("GET", "/liveness/session")).status).toBe(429);
  });
});

describe("failNext", () => {
  it("fails the next N vendor calls before any state change, then counts down to null", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.run();
    sim.setScenario({ failNext: { status: 503, count: 2 } });

    const first = await t.enroll(id, "acct");
    expect(first.status).toBe(503);
    expect(first.body).toEqual({ message: "Service Unavailable", statusCode: 503 });
    expect(sim.session(id)?.accountId).toBeNull();
    expect(sim.scenario.failNext).toEqual({ status: 503, count: 1 });

    // A call with a bad key is answered 401 and does not use up the fault.
    expect((await createTestDriver(sim, "bad").call("GET", "/liveness/session")).status).toBe(401);
    expect((await t.call("GET", "/liveness/session")).status).toBe(503);
    expect(sim.scenario.failNext).toBeNull();
    expect((await t.enroll(id, "acct")).status).toBe(200);
  });

  it("supports 429 and 500", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    sim.setScenario({ failNext: { status: 429, count: 1 } });
    expect((await t.call("GET", "/liveness/session")).status).toBe(429);
    sim.setScenario({ failNext: { status: 500, count: 1 } });
    const res = await t.call("GET", "/liveness/session");
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ message: "Internal server error", statusCode: 500 });
    expect(sim.stats().byPath["/liveness/session"]).toBe(2);
  });
});

describe("robustness", () => {
  it("turns unexpected errors into a flat 500 instead of throwing", async () => {
    let broken = false;
    const sim = createVerisoulSimulator({
      now: () => {
        if (broken) throw new Error("clock exploded");
        return 0;
      },
    });
    const t = createTestDriver(sim);
    const id = await t.run();
    const fresh = await t.mint();
    broken = true;
    const original = console.error;
    console.error = () => {};
    try {
      const res = await t.verifyFace(id);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ message: "Internal server error", statusCode: 500 });
      const page = await t.open(fresh);
      expect(page.status).toBe(500);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    } finally {
      console.error = original;
    }
  });

  it("adds scenario latency to API responses", async () => {
    const sim = createVerisoulSimulator();
    sim.setScenario({ latencyMs: 60 });
    const started = performance.now();
    const res = await sim.api(new Request(`${apiBase}/liveness/session`));
    expect(res.status).toBe(401);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });
});
