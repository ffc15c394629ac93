import { describe, expect, it } from "vitest";
import { appBase, callbackUrl, createTestDriver, redirectParams } from "./createTestDriver.ts";
import { createVerisoulSimulator } from "./createVerisoulSimulator.ts";

describe("one attempt per session", () => {
  it("answers invalid_session_id for unknown, reopened and completed sessions and a second completion", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const unknown = crypto.randomUUID();
    expect(Object.fromEntries(redirectParams(await t.open(unknown)))).toMatchObject({
      session_id: unknown,
      success: "false",
      error_message: "invalid_session_id",
    });

    const id = await t.mint();
    expect((await t.open(id)).status).toBe(200);
    expect(redirectParams(await t.open(id)).get("error_message")).toBe("invalid_session_id");
    expect(redirectParams(await t.complete(id, "success")).get("success")).toBe("true");
    const second = redirectParams(await t.complete(id, "success"));
    expect(second.get("success")).toBe("false");
    expect(second.get("error_message")).toBe("invalid_session_id");
    expect(redirectParams(await t.open(id)).get("error_message")).toBe("invalid_session_id");
    expect(sim.session(id)?.outcome).toBe("success");
  });

  it("cannot complete a session whose page was never opened", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.mint();
    expect(redirectParams(await t.complete(id, "success")).get("error_message")).toBe(
      "invalid_session_id",
    );
    expect(sim.session(id)?.state).toBe("created");
  });

  it("expires tokens not opened within the TTL (injected clock) or when the scenario says so", async () => {
    let clock = 0;
    const sim = createVerisoulSimulator({ now: () => clock, sessionTtlMs: 60_000 });
    const t = createTestDriver(sim);
    const inTime = await t.mint();
    const late = await t.mint();
    clock = 60_000;
    expect((await t.open(inTime)).status).toBe(200);
    clock = 60_001;
    expect(redirectParams(await t.open(late)).get("error_message")).toBe("invalid_session_id");
    expect((await t.verifyFace(late)).body.error).toBe("session_not_started");

    const flagged = await t.mint();
    sim.setScenario({ expireSessions: true });
    expect(redirectParams(await t.open(flagged)).get("error_message")).toBe("invalid_session_id");
    // Already-started sessions are not affected: the attempt can still finish.
    expect(redirectParams(await t.complete(inTime, "success")).get("success")).toBe("true");
  });
});

describe("simulate", () => {
  it("completes by itself through a meta refresh to GET /complete", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.mint("?simulate=failed_to_get_camera_permission");
    const html = await (await t.open(id)).text();
    expect(html).not.toContain("<script");
    const refresh = /<meta http-equiv="refresh" content="(\d+);url=([^"]+)">/.exec(html);
    expect(refresh?.[1]).toBe("3");
    const next = new URL((refresh?.[2] ?? "").replaceAll("&amp;", "&"), appBase);
    expect(next.pathname).toBe("/complete");

    const done = await sim.app(new Request(next));
    expect(Object.fromEntries(redirectParams(done))).toEqual({
      flow: "signup",
      session_id: id,
      success: "false",
      error_message: "failed_to_get_camera_permission",
    });
    expect((await t.verifyFace(id)).body.error).toBe("session_not_complete");
    expect(redirectParams(await sim.app(new Request(next))).get("error_message")).toBe(
      "invalid_session_id",
    );
  });

  it("passes an undocumented value through: redirect with it as error_message, verify answers 400", async () => {
    const sim = createVerisoulSimulator();
    sim.setScenario({ simulateDelayMs: 0 });
    const t = createTestDriver(sim);
    const id = await t.mint("?simulate=failed_to_process_id_scan");
    expect(await (await t.open(id)).text()).toContain("failed_to_process_id_scan");
    const url = new URL(
      `/complete?session_id=${id}&redirect_url=${encodeURIComponent(callbackUrl)}`,
      appBase,
    );
    const done = redirectParams(await sim.app(new Request(url)));
    expect(done.get("success")).toBe("false");
    expect(done.get("error_message")).toBe("failed_to_process_id_scan");
    const verify = await t.verifyFace(id);
    expect(verify.status).toBe(400);
    expect(verify.body).toMatchObject({ success: false, error: "session_not_complete" });
  });

  it("uses simulateDelayMs and a success outcome gives a verifiable session", async () => {
    const sim = createVerisoulSimulator();
    sim.setScenario({ simulateDelayMs: 0 });
    const t = createTestDriver(sim);
    const id = await t.mint("?simulate=success");
    const html = await (await t.open(id)).text();
    expect(html).toContain('content="0;url=/complete?session_id=');
    const url = new URL(
      `/complete?session_id=${id}&redirect_url=${encodeURIComponent(callbackUrl)}`,
      appBase,
    );
    expect(redirectParams(await sim.app(new Request(url))).get("success")).toBe("true");
    expect((await t.verifyFace(id)).status).toBe(200);
  });
});
