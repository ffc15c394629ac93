import type { VerisoulVerifyFaceBody } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { isUuid } from "../internal/isUuid.ts";
import { createTestDriver } from "./createTestDriver.ts";
import { createVerisoulSimulator } from "./createVerisoulSimulator.ts";

const inUnit = (n: unknown) => typeof n === "number" && n >= 0 && n <= 1;

describe("POST /liveness/verify-face success", () => {
  it("answers every documented field with values in range", async () => {
    const projectId = crypto.randomUUID();
    const sim = createVerisoulSimulator({ projectId, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
    const t = createTestDriver(sim);
    const id = await t.run();
    const { status, body: raw, res } = await t.verifyFace(id);
    const body = raw as VerisoulVerifyFaceBody;
    expect(status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(body).sort()).toEqual([
      "decision",
      "device_network_signals",
      "matches",
      "metadata",
      "photo_urls",
      "risk_flags",
      "risk_score",
      "session_data",
      "video_urls",
    ]);
    expect(body.metadata).toEqual({
      project_id: projectId,
      session_id: id,
      request_id: expect.any(String),
      account_id: null,
      referring_session_id: null,
      timestamp: "2026-01-02T03:04:05.000Z",
    });
    expect(isUuid(body.metadata?.request_id)).toBe(true);
    expect(body.decision).toBe("Real");
    expect(body.risk_flags).toEqual([]);
    expect(body.risk_score).toBeLessThan(0.4);
    expect(inUnit(body.risk_score)).toBe(true);
    const signals = body.device_network_signals ?? {};
    expect(Object.keys(signals).sort()).toEqual(
      [
        "device_risk",
        "proxy",
        "vpn",
        "datacenter",
        "tor",
        "spoofed_ip",
        "recent_fraud_ip",
        "device_network_mismatch",
        "location_spoofing",
      ].sort(),
    );
    expect(Object.values(signals).every(inUnit)).toBe(true);
    expect(body.photo_urls?.face).toBe(`http://app.test/photos/${id}.jpg`);
    expect(body.video_urls).toEqual([`http://app.test/videos/${id}.webm`]);
    const data = body.session_data;
    expect(data?.true_country_code).toMatch(/^[A-Z]{2}$/);
    expect(data?.network?.ip_address).toMatch(/^203\.0\.113\.\d{1,3}$/);
    expect(data?.location).toMatchObject({
      timezone: expect.any(String),
      latitude: expect.any(Number),
    });
    expect(data?.browser).toMatchObject({ type: expect.any(String), language: "en-US" });
    expect(data?.device?.category).toBe("desktop");
    expect(Number.isInteger(data?.device?.cpu_cores)).toBe(true);
    expect(Number.isInteger(data?.device?.memory)).toBe(true);
    expect(body.matches).toEqual({ num_accounts_linked: 0, accounts_linked: [] });
  });

  it("adds referring_session_signals only with a referring session", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const referring = crypto.randomUUID();
    const id = await t.run("new", "success", `?referring_session_id=${referring}`);
    const body = (await t.verifyFace(id)).body as VerisoulVerifyFaceBody;
    expect(body.metadata?.referring_session_id).toBe(referring);
    expect(Object.keys(body.referring_session_signals ?? {}).sort()).toEqual([
      "device_timezone_mismatch",
      "impossible_travel",
      "ip_mismatch",
      "ip_timezone_mismatch",
      "user_agent_mismatch",
    ]);
    expect(Object.values(body.referring_session_signals ?? {}).every(inUnit)).toBe(true);
  });

  it("is deterministic per session apart from request id and clock", async () => {
    const t = createTestDriver(createVerisoulSimulator({ now: () => 5 }));
    const id = await t.run();
    const strip = (b: Record<string, unknown>): Record<string, unknown> => ({
      ...b,
      metadata: undefined,
    });
    const first = strip((await t.verifyFace(id)).body);
    expect(strip((await t.verifyFace(id)).body)).toEqual(first);
    const other = strip((await t.verifyFace(await t.run())).body);
    expect(other.device_network_signals).not.toEqual(first.device_network_signals);
  });

  it("derives the decision and score from the risk flags, or uses the forced decision", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.run();
    const clean = (await t.verifyFace(id)).body as VerisoulVerifyFaceBody;

    sim.setScenario({ riskFlags: ["recent_fraud_ip"] });
    const low = (await t.verifyFace(id)).body as VerisoulVerifyFaceBody;
    expect(low.decision).toBe("Real");
    expect(low.risk_flags).toEqual(["recent_fraud_ip"]);
    expect(low.risk_score).toBeGreaterThan(clean.risk_score ?? 1);
    expect(low.device_network_signals?.recent_fraud_ip).toBeGreaterThanOrEqual(0.85);

    sim.setScenario({ riskFlags: ["vpn_detected"] });
    const moderate = (await t.verifyFace(id)).body as VerisoulVerifyFaceBody;
    expect(moderate.decision).toBe("Suspicious");
    expect(moderate.risk_score).toBeGreaterThanOrEqual(0.5);
    expect(moderate.device_network_signals?.vpn).toBeGreaterThanOrEqual(0.85);

    sim.setScenario({ riskFlags: ["vpn_detected", "high_device_risk"] });
    const worse = (await t.verifyFace(id)).body as VerisoulVerifyFaceBody;
    expect(worse.risk_score).toBeGreaterThan(moderate.risk_score ?? 1);

    sim.setScenario({ riskFlags: [], decision: "Fake" });
    const fake = (await t.verifyFace(id)).body as VerisoulVerifyFaceBody;
    expect(fake.decision).toBe("Fake");
    expect(fake.risk_score).toBeGreaterThanOrEqual(0.9);
    expect(fake.risk_score).toBeLessThanOrEqual(1);
  });
});
