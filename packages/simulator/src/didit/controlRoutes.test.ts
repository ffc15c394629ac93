import { describe, expect, it } from "vitest";
import { apiBase, createDiditTestDriver } from "./createDiditTestDriver.ts";

const control = (path: string, init?: RequestInit) =>
  new Request(`${apiBase}/__simulator/${path}`, init);
const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("Didit control routes", () => {
  it("reads and patches the scenario, refusing unknown fields and bad values", async () => {
    const t = createDiditTestDriver({ credits: 5 });
    const read = await t.sim.api(control("scenario"));
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
    expect(await read.json()).toEqual({
      latencyMs: 0,
      failNext: null,
      rateLimitPerMinute: null,
      credits: 5,
    });
    const patched = await t.sim.api(
      control("scenario", post({ credits: 1, rateLimitPerMinute: 3 })),
    );
    expect(await patched.json()).toMatchObject({ credits: 1, rateLimitPerMinute: 3 });
    for (const bad of [{ credit: 1 }, { credits: "1" }, { failNext: { status: 404, count: 1 } }]) {
      const res = await t.sim.api(control("scenario", post(bad)));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ detail: expect.any(String) });
    }
    expect(t.sim.scenario.credits).toBe(1);
  });

  it("resets, reports stats without counting itself, and 404s unknown paths", async () => {
    const t = createDiditTestDriver();
    await t.get("/v3/session/x/decision/");
    const stats = await (await t.sim.api(control("stats"))).json();
    expect(stats).toEqual({
      requests: 1,
      byPath: { "/v3/session/x/decision/": 1 },
      faceMatchRequests: 0,
      faceMatches: { approved: 0, declined: 0 },
      creditsSpent: 0,
      creditsRemaining: 1000,
      savedRequests: 0,
      sandboxAnswers: 0,
    });
    expect((await t.sim.api(control("reset", { method: "POST" }))).status).toBe(200);
    expect(t.sim.stats().requests).toBe(0);
    expect((await t.sim.api(control("media/nope/source"))).status).toBe(404);
    expect((await t.sim.api(control("nothing"))).status).toBe(404);
    expect((await t.sim.api(control("stats", { method: "OPTIONS" }))).status).toBe(204);
  });
});
