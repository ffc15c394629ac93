/**
 * The FaceSign mismatches, each against the simulator: today's and the older report
 * reach `onResult` and the summary with the right verdict; a later deepfake verdict is picked up;
 * every webhook generation is handled; the version header is sent; dashboard sessions are read.
 */

import { createMemoryStore } from "@facekit/server";
import { defaultFaceSignKey } from "@facekit/simulator";
import { createFaceSignHarness, signedWebhook, testWebhookUrl } from "@facekit/test-utils/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFaceSignClient } from "./createFaceSignClient.ts";
import type { FaceSignResultEvent } from "./types.ts";

afterEach(() => {
  vi.useRealTimers();
});

/** Waits until `count` webhooks were sent (signing takes a while under load), then handled. */
async function settle(t: ReturnType<typeof createFaceSignHarness>, count: number) {
  await vi.waitFor(() => expect(t.deliveries.length).toBeGreaterThanOrEqual(count));
  return t.settle();
}

function setup(options: { webhooks?: boolean } = {}, apiVersion?: string) {
  const events: FaceSignResultEvent[] = [];
  const onResult = async (event: FaceSignResultEvent) => {
    events.push(event);
  };
  const t = createFaceSignHarness({ onResult, ...(apiVersion && { apiVersion }) }, options);
  const verdicts = () => events.map((e) => [e.verdict.outcome, e.verdict.basis]);
  return { t, events, verdicts };
}

describe("FaceSign report shapes reach onResult and the summary", () => {
  it("a report with only today's fields (nodeReports, deepfakeDetection): verified", async () => {
    const { t, events, verdicts } = setup();
    t.sim.setScenario({ reportShape: "current" });
    const session = await t.mint();
    await t.walk(session.url);
    await settle(t, 2);
    expect(events[0]?.session.report).not.toHaveProperty("isVerified");
    expect(verdicts()).toEqual([["verified", "nodes"]]);
    expect((await t.status(session.sessionId)).body.summary).toMatchObject({
      verdict: "verified",
      isVerified: true,
      livenessDetected: true,
    });
  });

  it("a report with only the older fields (isVerified, livenessDetected): verified", async () => {
    const { t, events, verdicts } = setup();
    t.sim.setScenario({ reportShape: "legacy" });
    const session = await t.mint();
    await t.walk(session.url);
    await settle(t, 2);
    expect(events[0]?.session.report).not.toHaveProperty("nodeReports");
    expect(verdicts()).toEqual([["verified", "report"]]);
    expect((await t.status(session.sessionId)).body.summary).toMatchObject({ isVerified: true });
  });

  it("today's report with a liveness node that saw no face: not verified", async () => {
    const { t, verdicts } = setup();
    t.sim.setScenario({ reportShape: "current" });
    const session = await t.mint();
    const page = await t.open(session.url);
    await t.step(session.url, page.node ?? "", "0");
    await t.step(session.url, "live", "2"); // noFace
    await settle(t, 2);
    expect(verdicts()).toEqual([["not_verified", "nodes"]]);
    expect((await t.status(session.sessionId)).body.summary).toMatchObject({ isVerified: false });
  });
});

describe("exposing today's media", () => {
  it("adds report.media to the summary on request, and never stores its URLs", async () => {
    const store = createMemoryStore();
    const t = createFaceSignHarness({ expose: ["media"] }, { store });
    t.sim.setScenario({ reportShape: "current" });
    const session = await t.mint();
    await t.walk(session.url);
    await settle(t, 2);
    const { summary } = (await t.status(session.sessionId)).body as {
      summary: { media?: { userVideo?: { url: string } } };
    };
    const url = summary.media?.userVideo?.url ?? "";
    expect(url).toContain("/user.webm");
    const stored = await store.get(`facesign:status:${session.sessionId}`);
    expect(stored).toBeDefined();
    expect(stored).not.toContain(url);
  });
});

describe("a deepfake verdict that arrives after the session", () => {
  it("analysis.deepfake updates onResult and the summary", async () => {
    const { t, verdicts } = setup();
    t.sim.setScenario({ reportShape: "current", deepfake: "pending" });
    const session = await t.mint();
    await t.walk(session.url);
    await settle(t, 2);
    expect(verdicts()).toEqual([["pending", "deepfake_pending"]]);
    const early = (await t.status(session.sessionId)).body;
    expect(early).toMatchObject({
      status: "complete",
      summary: { verdict: "pending", isVerified: null },
    });

    expect(t.sim.finishDeepfake(session.sessionId, "manipulated")).toBe(true);
    await settle(t, 3);
    expect(verdicts()).toEqual([
      ["pending", "deepfake_pending"],
      ["not_verified", "deepfake"],
    ]);
    const late = (await t.status(session.sessionId)).body;
    expect(late.summary).toMatchObject({ verdict: "not_verified", isVerified: false });
    await t.status(session.sessionId);
    expect(verdicts()).toHaveLength(2); // final: never reported again
  });

  it("without webhooks, a status poll picks up the final verdict", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { t, verdicts } = setup({ webhooks: false });
    t.sim.setScenario({ reportShape: "current", deepfake: "pending" });
    const session = await t.mint();
    await t.walk(session.url);
    vi.advanceTimersByTime(2_001);
    expect((await t.status(session.sessionId)).body.summary).toMatchObject({ verdict: "pending" });
    t.sim.finishDeepfake(session.sessionId, "authentic");
    vi.advanceTimersByTime(2_001);
    expect((await t.status(session.sessionId)).body.summary).toMatchObject({ verdict: "verified" });
    expect(verdicts()).toEqual([
      ["pending", "deepfake_pending"],
      ["verified", "nodes"],
    ]);
  });
});

describe("webhook types", () => {
  it("handles the older session.started / session.finished", async () => {
    const { t, verdicts } = setup();
    t.sim.setScenario({ webhookTypes: "legacy" });
    const session = await t.mint();
    await t.walk(session.url);
    expect((await settle(t, 2)).map((r) => r.status)).toEqual([200, 200]);
    expect(verdicts()).toEqual([["verified", "report"]]); // no poll: the webhook did it
  });

  it("acknowledges the simulator's media.user_video without calling FaceSign", async () => {
    const { t, verdicts } = setup();
    t.sim.setScenario({ reportShape: "current" });
    const session = await t.mint();
    await t.walk(session.url);
    await settle(t, 2);
    const gets = t.vendorGets(session.sessionId);
    t.sim.setScenario({ mediaWebhooks: true });
    const again = await t.mint();
    await t.walk(again.url);
    expect((await settle(t, 5)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(t.vendorGets(again.sessionId)).toBe(gets); // the two session.status refetches only
    expect(verdicts()).toEqual([
      ["verified", "nodes"],
      ["verified", "nodes"],
    ]);
  });

  it("acknowledges media, analysis and settings events without calling FaceSign", async () => {
    const { t, events } = setup();
    const session = await t.mint();
    const before = t.sim.stats().requests;
    for (const [i, type] of ["media.user_video", "analysis.video", "settings.langs"].entries()) {
      const init = await signedWebhook({
        id: `evt_other_${i}`,
        type,
        sessionId: session.sessionId,
      });
      const response = await t.handler(new Request(testWebhookUrl, init));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true });
    }
    expect(t.sim.stats().requests).toBe(before);
    expect(events).toEqual([]);
  });
});

describe("calls FaceSign the way its SDK does", () => {
  it("sends Facesign-Version 2024-12-18 on every call, or the configured one", async () => {
    const { t } = setup();
    const session = await t.mint();
    await t.refresh(session.sessionId);
    expect(t.sim.stats().byVersion).toEqual({ "2024-12-18": 3 }); // create, get, refresh
    const other = setup({}, "2025-06-01");
    await other.t.mint();
    expect(other.t.sim.stats().byVersion).toEqual({ "2025-06-01": 1 });
    expect(() => createFaceSignClient({ apiKey: "sk_test_x", apiVersion: "latest" })).toThrow(
      /apiVersion "latest" is not a FaceSign version/,
    );
  });

  it("lists sessions made from the dashboard (no clientReferenceId) and never reports them", async () => {
    const { t, events } = setup();
    await t.mint();
    const made = await t.sim.api(
      new Request("http://api.test/sessions", {
        method: "POST",
        headers: { authorization: `Bearer ${defaultFaceSignKey}` },
        body: JSON.stringify({
          flow: [
            { id: "s", type: "start", outcome: "e" },
            { id: "e", type: "end" },
          ],
        }),
      }),
    );
    const dashboard = ((await made.json()) as { session: { id: string } }).session.id;
    const client = createFaceSignClient({ apiKey: defaultFaceSignKey, fetch: t.fetch });
    const list = await client.listSessions();
    expect(list.sessions).toHaveLength(2);
    expect(
      list.sessions.find((s) => s.id === dashboard)?.settings.clientReferenceId,
    ).toBeUndefined();
    expect((await t.status(dashboard)).body.error?.code).toBe("session_invalid");
    const init = await signedWebhook({ id: "evt_dash", sessionId: dashboard });
    expect((await t.handler(new Request(testWebhookUrl, init))).status).toBe(200);
    expect(events).toEqual([]);
  });
});
