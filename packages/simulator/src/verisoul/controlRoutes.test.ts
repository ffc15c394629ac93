import { describe, expect, it } from "vitest";
import { apiBase, createTestDriver } from "./createTestDriver.ts";
import { createVerisoulSimulator } from "./createVerisoulSimulator.ts";
import { defaultScenario } from "./defaultScenario.ts";

const control = (path: string, init?: RequestInit) =>
  new Request(`${apiBase}/__simulator/${path}`, init);
const post = (path: string, body: unknown) =>
  control(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("control routes", () => {
  it("reads and patches the scenario without an API key, with CORS", async () => {
    const sim = createVerisoulSimulator();
    const read = await sim.api(control("scenario"));
    expect(read.status).toBe(200);
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
    expect(await read.json()).toEqual(defaultScenario());

    const patched = await sim.api(
      post("scenario", { coop: true, handoff: "auto", riskFlags: ["vpn_detected"] }),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      coop: true,
      handoff: "auto",
      riskFlags: ["vpn_detected"],
    });
    expect(sim.scenario).toMatchObject({ coop: true, handoff: "auto", latencyMs: 0 });

    const preflight = await sim.api(control("scenario", { method: "OPTIONS" }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("refuses bad scenario input with a 400 and changes nothing", async () => {
    const sim = createVerisoulSimulator();
    for (const body of [
      { handoff: "sometimes" },
      { latencyMs: -1 },
      { failNext: { status: 404, count: 1 } },
      { failNext: { status: 500, count: 1.5 } },
      { decision: "Maybe" },
      { riskFlags: [1] },
      { coops: true },
      "nonsense",
      [],
    ]) {
      const res = await sim.api(post("scenario", body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).statusCode).toBe(400);
    }
    expect(sim.scenario).toEqual(defaultScenario());
    expect(() => sim.setScenario({ handoff: "nope" as "never" })).toThrow(TypeError);
    expect(() => {
      (sim.scenario as { coop: boolean }).coop = true;
    }).toThrow(TypeError);
  });

  it("reports vendor stats, exposes sessions and resets everything", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.run();
    await t.verifyFace(id);
    await t.verifyFace(id);
    sim.setScenario({ coop: true });

    const stats = await (await sim.api(control("stats"))).json();
    expect(stats).toEqual({
      requests: 3,
      byPath: { "/liveness/session": 1, "/liveness/verify-face": 2 },
    });
    expect(sim.stats()).toEqual(stats);
    const session = await sim.api(control(`sessions/${id}`));
    expect(await session.json()).toMatchObject({ id, state: "completed" });
    expect((await sim.api(control("sessions/nope"))).status).toBe(404);
    expect((await sim.api(control("nothing"))).status).toBe(404);

    const reset = await sim.api(control("reset", { method: "POST" }));
    expect(reset.status).toBe(200);
    expect(sim.stats()).toEqual({ requests: 0, byPath: {} });
    expect(sim.session(id)).toBeUndefined();
    expect(sim.scenario.coop).toBe(false);
    expect((await t.verifyFace(id)).body.error).toBe("session_not_found");
  });

  it("reset() also forgets enrolments and rate-limit counters", async () => {
    const sim = createVerisoulSimulator({ rateLimitPerMinute: 2 });
    const t = createTestDriver(sim);
    await t.enroll(await t.run("alice"), "acct-1");
    expect((await t.call("GET", "/liveness/session")).status).toBe(429);
    sim.reset();
    const again = await t.run("alice");
    expect((await t.verifyFace(again)).body.risk_flags).toEqual([]);
  });
});
