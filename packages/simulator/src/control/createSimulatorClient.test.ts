import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultVerisoulKey } from "../index.ts";
import { type RunningSimulators, startSimulators } from "../node.ts";
import { createSimulatorClient, type SimulatorClient } from "./createSimulatorClient.ts";
import { SimulatorControlError } from "./createVendorControl.ts";

describe("createSimulatorClient against real simulators over HTTP", () => {
  let sims: RunningSimulators;
  let client: SimulatorClient;
  beforeAll(async () => {
    sims = await startSimulators({ verisoulApiPort: 0, verisoulAppPort: 0 });
    client = createSimulatorClient({
      verisoul: sims.env.VERISOUL_BASE_URL,
      facesign: sims.env.FACESIGN_BASE_URL,
      didit: sims.env.DIDIT_BASE_URL,
    });
  });
  afterAll(() => sims.close());
  beforeEach(() => sims.reset());

  it("scripts Verisoul: decision and risk flags, a severed popup, expired sessions", async () => {
    await client.verisoul.decide("Fake", ["likely_deepfake"]);
    await client.verisoul.severPopup();
    const scenario = await client.verisoul.expireSessions();
    expect(scenario).toMatchObject({ decision: "Fake", riskFlags: ["likely_deepfake"] });
    expect(sims.verisoul.simulator.scenario).toMatchObject({
      decision: "Fake",
      coop: true,
      expireSessions: true,
    });
  });

  it("scripts FaceSign expiries and Didit credits and limits", async () => {
    await client.facesign.expireSecretsAfter(4_000);
    await client.didit.setCredits(0);
    await client.didit.setRateLimit(2);
    expect(sims.facesign.simulator.scenario.secretTtlMs).toBe(4_000);
    expect(sims.didit.simulator.scenario).toMatchObject({ credits: 0, rateLimitPerMinute: 2 });
  });

  it("fails the next calls of every vendor, adds latency, and resets them all", async () => {
    await client.failNext(503, 2);
    await client.setLatency(5);
    for (const sim of [sims.verisoul, sims.facesign, sims.didit]) {
      expect(sim.simulator.scenario).toMatchObject({
        failNext: { status: 503, count: 2 },
        latencyMs: 5,
      });
    }
    const call = await fetch(`${sims.env.VERISOUL_BASE_URL}/liveness/session`, {
      headers: { "x-api-key": defaultVerisoulKey },
    });
    expect(call.status).toBe(503);
    await client.reset();
    expect(sims.verisoul.simulator.scenario).toMatchObject({ failNext: null, latencyMs: 0 });
    expect(await client.verisoul.stats()).toEqual({ requests: 0, byPath: {} });
  });

  it("reads stats and sessions; an unknown session is null", async () => {
    const minted = await fetch(`${sims.env.VERISOUL_BASE_URL}/liveness/session`, {
      headers: { "x-api-key": defaultVerisoulKey },
    });
    const { session_id } = (await minted.json()) as { session_id: string };
    expect((await client.verisoul.stats()).byPath).toEqual({ "/liveness/session": 1 });
    expect(await client.verisoul.session(session_id)).toMatchObject({ state: "created" });
    expect(await client.verisoul.session("nope")).toBeNull();
    expect(await client.facesign.session("nope")).toBeNull();
  });

  it("throws a typed error with the simulator's reason for a refused patch", async () => {
    const refused = client.verisoul.setScenario({ decision: "Maybe" } as never);
    await expect(refused).rejects.toBeInstanceOf(SimulatorControlError);
    await expect(refused).rejects.toMatchObject({ status: 400, message: /decision/ });
  });
});
