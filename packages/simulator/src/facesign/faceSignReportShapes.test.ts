import type { FaceSignNode } from "@facekit/core/protocol";
import { describe, expect, it, vi } from "vitest";
import { createFaceSignTestDriver, recordWebhooks } from "./createFaceSignTestDriver.ts";
import type { FaceSignScenario } from "./types.ts";

/** start -> hello -> live (liveness) -> scan (face scan with every check) -> end. */
const faceScanFlow: FaceSignNode[] = [
  { id: "start", type: "start", outcome: "hello" },
  {
    id: "hello",
    type: "conversation",
    prompt: "Say: Hello",
    outcomes: [{ id: "o1", condition: "", targetNodeId: "live" }],
  },
  {
    id: "live",
    type: "liveness_detection",
    outcomes: {
      livenessDetected: "scan",
      deepfakeDetected: "end",
      noFace: "end",
      inconclusive: "end",
    },
  },
  {
    id: "scan",
    type: "face_scan",
    requireLivenessChallenge: true,
    requireAILivenessCheck: true,
    referenceImageKey: "ref",
    outcomes: { passed: "end", notPassed: "end", cancelled: "end", error: "end" },
  },
  { id: "end", type: "end" },
];

function driver(scenario: Partial<FaceSignScenario> = {}) {
  const { events, fetch } = recordWebhooks();
  const t = createFaceSignTestDriver({ webhookUrl: "https://backend.example/hook", fetch });
  t.sim.setScenario(scenario);
  /** Creates a face-scan session and walks it with the given choices. */
  async function walk(choices: [string, string][]) {
    const { session, clientSecret } = (await t.create({ flow: faceScanFlow })).body;
    await t.open(clientSecret.url);
    for (const [node, choice] of choices) await t.step(clientSecret.secret, node, choice);
    return t.sim.session(session.id);
  }
  /** Waits for `count` webhooks (delivery is fire and forget, signed off the main thread). */
  const received = (count: number) =>
    vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(count));
  return { t, events, walk, received };
}

const passAll: [string, string][] = [
  ["hello", "0"],
  ["live", "0"],
  ["scan", "0"],
];

describe("FaceSign report shapes", () => {
  it("current: nodeReports with face-scan checks, media and the deepfake verdict, no older fields", async () => {
    const { walk } = driver({ reportShape: "current" });
    const report = (await walk(passAll))?.report;
    expect(report?.nodeReports?.map((n) => [n.type, n.nodeId, n.outcome])).toEqual([
      ["conversation", "hello", "live"], // a conversation's outcome is the next node id
      ["liveness_detection", "live", "livenessDetected"],
      ["face_scan", "scan", "passed"],
    ]);
    expect(report?.nodeReports?.[2]?.report).toEqual({
      livenessChallengePassed: true,
      aiLivenessCheckPassed: true,
      compareFacesReport: expect.objectContaining({ isMatch: true, sourceImageFaceFound: true }),
    });
    expect(report?.media?.userVideo).toMatchObject({ contentType: "video/webm" });
    expect(report?.deepfakeDetection).toMatchObject({ verdict: "authentic" });
    expect(report?.deepfakeDetectionStatus).toMatchObject({ state: "succeeded" });
    for (const old of ["isVerified", "livenessDetected", "screenshots", "videos"]) {
      expect(report).not.toHaveProperty(old);
    }
  });

  it("current: a failed face scan reports its checks as not passed", async () => {
    const { walk } = driver({ reportShape: "current" });
    const report = (
      await walk([
        ["hello", "0"],
        ["live", "0"],
        ["scan", "1"],
      ])
    )?.report;
    expect(report?.nodeReports?.[2]).toMatchObject({
      outcome: "notPassed",
      report: { livenessChallengePassed: false, aiLivenessCheckPassed: false },
    });
  });

  it("legacy: only isVerified, livenessDetected, screenshots and videos", async () => {
    const { walk } = driver({ reportShape: "legacy" });
    const report = (await walk(passAll))?.report;
    expect(report).toMatchObject({
      isVerified: true,
      livenessDetected: true,
      screenshots: [],
      videos: {},
    });
    for (const current of [
      "nodeReports",
      "media",
      "deepfakeDetection",
      "deepfakeDetectionStatus",
    ]) {
      expect(report).not.toHaveProperty(current);
    }
  });

  it("both (default): the two generations side by side", async () => {
    const { walk } = driver();
    const report = (await walk(passAll))?.report;
    expect(report).toMatchObject({ isVerified: true, deepfakeDetection: { verdict: "authentic" } });
    expect(report?.nodeReports).toHaveLength(3);
  });
});

describe("post-session deepfake analysis", () => {
  it("stays pending until finishDeepfake, which rings analysis.deepfake", async () => {
    const { t, events, walk, received } = driver({ reportShape: "current", deepfake: "pending" });
    const session = await walk(passAll);
    await received(2);
    expect(session?.report?.deepfakeDetectionStatus).toMatchObject({ state: "pending" });
    expect(session?.report).not.toHaveProperty("deepfakeDetection");
    expect(events.map((e) => e.type)).toEqual(["session.status", "session.status"]);
    const id = session?.id ?? "";
    expect(t.sim.finishDeepfake(id, "manipulated")).toBe(true);
    expect(t.sim.finishDeepfake(id, "authentic")).toBe(false); // no longer pending
    await received(3);
    expect(events.at(-1)).toMatchObject({ type: "analysis.deepfake", sessionId: id });
    expect(t.sim.session(id)?.report).toMatchObject({
      deepfakeDetection: { verdict: "manipulated" },
      deepfakeDetectionStatus: { state: "succeeded" },
    });
  });

  it("can be finished over the control route; bad verdicts and no pending analysis are refused", async () => {
    const { t, walk } = driver({ deepfake: "pending" });
    const id = (await walk(passAll))?.id ?? "";
    const control = (verdict: string) =>
      t.sim.api(
        new Request(`http://api.test/__simulator/sessions/${id}/deepfake`, {
          method: "POST",
          body: JSON.stringify({ verdict }),
        }),
      );
    expect((await control("maybe")).status).toBe(400);
    expect((await control("failed")).status).toBe(200);
    expect(t.sim.session(id)?.report?.deepfakeDetectionStatus).toMatchObject({ state: "failed" });
    expect((await control("authentic")).status).toBe(409);
  });
});

describe("webhook generations", () => {
  it("legacy: session.started and session.finished instead of session.status", async () => {
    const { events, walk, received } = driver({ webhookTypes: "legacy" });
    await walk(passAll);
    await received(2);
    expect(events.map((e) => e.type)).toEqual(["session.started", "session.finished"]);
  });
});

describe("settings the vendor allows", () => {
  it("creates a session without clientReferenceId", async () => {
    const { t } = driver();
    const res = await t.create({ clientReferenceId: undefined });
    expect(res.status).toBe(200);
    expect(res.body.session.settings).not.toHaveProperty("clientReferenceId");
  });

  it("echoes both flow and modules, and walks the flow", async () => {
    const { t } = driver();
    const { body, status } = await t.create({ modules: ["identityVerification"] });
    expect(status).toBe(200);
    expect(body.session.settings).toMatchObject({ modules: ["identityVerification"] });
    expect(body.session.settings.flow).toHaveLength(4);
    expect((await t.open(body.clientSecret.url)).node).toBe("hello");
  });

  it("accepts the Facesign-Version header and counts calls by version", async () => {
    const { t } = driver();
    const headers = { authorization: "Bearer sk_test_x", "facesign-version": "2024-12-18" };
    expect((await t.call("GET", "/langs", undefined, headers)).status).toBe(200);
    await t.call("GET", "/langs");
    expect(t.sim.stats().byVersion).toEqual({ "2024-12-18": 1, none: 1 });
  });
});
