import type {
  FaceSignNode,
  FaceSignNodeReport,
  FaceSignReportBody,
  FaceSignWebhookBody,
} from "@facekit/core/protocol";
import type { FaceSignContext, FaceSignRecord } from "./createFaceSignContext.ts";
import { finishedAnalysis } from "./faceSignDeepfake.ts";
import { failingOutcomes } from "./flowOutcomes.ts";
import { sendWebhook } from "./sendStatusWebhook.ts";

/** Nodes that film the person: after one, FaceSign runs its post-session deepfake analysis. */
const videoNodes = new Set(["liveness_detection", "face_scan", "face_compare", "recognition"]);

/**
 * Today's node report of one visited node: a conversation's outcome is the chosen next node id; a
 * face scan reports the checks its settings asked for, all passed only on `passed`.
 * @example
 * record.visits.push(nodeReport(ctx, node, "livenessDetected", "end"));
 */
export function nodeReport(
  ctx: FaceSignContext,
  node: FaceSignNode,
  outcome: string,
  targetNodeId: string,
): FaceSignNodeReport {
  const base = { type: node.type, nodeId: node.id, createdAt: ctx.now() };
  if (node.type === "conversation") return { ...base, outcome: targetNodeId };
  if (node.type === "liveness_detection" && outcome === "inconclusive") {
    return { ...base, outcome, inconclusiveReason: "unknown_verdict" };
  }
  if (node.type !== "face_scan") return { ...base, outcome };
  const passed = outcome === "passed";
  const report: NonNullable<FaceSignNodeReport["report"]> = {};
  if (node.requireLivenessChallenge) report.livenessChallengePassed = passed;
  if (node.requireAILivenessCheck) report.aiLivenessCheckPassed = passed;
  if (typeof node.referenceImageKey === "string") {
    report.compareFacesReport = {
      isMatch: passed,
      similarity: passed ? 0.93 : 0.12,
      sourceImageFaceFound: true,
      targetImageFaceFound: true,
    };
  }
  return { ...base, outcome, report };
}

function currentFields(ctx: FaceSignContext, record: FaceSignRecord): Partial<FaceSignReportBody> {
  const filmed = record.visits.some((v) => videoNodes.has(v.type));
  const base: Partial<FaceSignReportBody> = {
    nodeReports: structuredClone(record.visits),
    media: { screenshots: [], documentImages: [] },
  };
  if (!filmed) return base;
  const video = (who: string) => ({
    id: `media_${who}_${record.session.id}`,
    createdAt: ctx.now(),
    url: `${ctx.appOrigin}/media/${record.session.id}/${who}.webm`,
    expires: ctx.now() + 15 * 60_000,
    contentType: "video/webm",
  });
  base.media = { ...base.media, userVideo: video("user"), avatarVideo: video("avatar") };
  const setting = ctx.scenario.deepfake;
  if (setting === "pending") {
    return { ...base, deepfakeDetectionStatus: { state: "pending", startedAt: ctx.now() } };
  }
  return { ...base, ...finishedAnalysis(ctx, ctx.now(), setting) };
}

/**
 * The report of a session that just finished, in the scenario's `reportShape`: today's fields
 * (`nodeReports`, `media`, deepfake analysis), the older ones (`isVerified` false after any
 * failing outcome or on Leave, `livenessDetected`, `screenshots`, `videos`), or both.
 * @example
 * record.session.report = buildReport(ctx, record, true);
 */
export function buildReport(
  ctx: FaceSignContext,
  record: FaceSignRecord,
  reachedEnd: boolean,
): FaceSignReportBody {
  const failed = record.outcomesTaken.some((o) => failingOutcomes.has(o));
  const isVerified = reachedEnd && !failed;
  const report: FaceSignReportBody = {
    transcript: structuredClone(record.transcript),
    aiAnalysis: {
      ageMin: 25,
      ageMax: 35,
      sex: "female",
      realPersonOrVirtual: "real",
      overallSummary: isVerified
        ? "Simulated: a real person completed the flow without warning signs."
        : "Simulated: the flow ended without a successful verification.",
      analysis: record.outcomesTaken.map((o) => ({
        title: o,
        shortDescription: `Outcome "${o}" was taken.`,
        longDescription: `The simulated person chose the "${o}" outcome on the hosted page.`,
      })),
    },
    location: {},
    device: {},
    lang: record.lang ?? "en",
    extractedData: {},
  };
  const shape = ctx.scenario.reportShape;
  if (shape !== "legacy") Object.assign(report, currentFields(ctx, record));
  if (shape !== "current") {
    const livenessDetected = record.outcomesTaken.includes("livenessDetected");
    Object.assign(report, { livenessDetected, screenshots: [], videos: {}, isVerified });
  }
  return report;
}

/**
 * Rings `media.user_video` with the report's user video when the scenario asks for media webhooks.
 * @example
 * announceMedia(ctx, record);
 */
export function announceMedia(ctx: FaceSignContext, record: FaceSignRecord): void {
  const video = record.session.report?.media?.userVideo as FaceSignWebhookBody["media"];
  if (!ctx.scenario.mediaWebhooks || ctx.scenario.webhookTypes !== "current" || !video) return;
  sendWebhook(ctx, record.session.id, "media.user_video", video);
}
