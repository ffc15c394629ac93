import type { FaceSignReportBody } from "@facekit/core/protocol";
import type { FaceSignContext, FaceSignRecord } from "./createFaceSignContext.ts";
import { sendWebhook } from "./sendStatusWebhook.ts";
import type { FaceSignDeepfakeOutcome } from "./types.ts";

const scores = { authentic: 0.03, manipulated: 0.97, unknown: 0.5 } as const;

/**
 * `deepfakeDetection` + `deepfakeDetectionStatus` of a finished post-session deepfake analysis.
 * @example
 * Object.assign(report, finishedAnalysis(ctx, startedAt, "authentic"));
 */
export function finishedAnalysis(
  ctx: FaceSignContext,
  startedAt: number,
  outcome: FaceSignDeepfakeOutcome,
) {
  const finishedAt = ctx.now();
  if (outcome === "failed") {
    return {
      deepfakeDetectionStatus: {
        state: "failed",
        startedAt,
        finishedAt,
        errorCode: "simulated_failure",
      },
    } satisfies Partial<FaceSignReportBody>;
  }
  return {
    deepfakeDetectionStatus: { state: "succeeded", startedAt, finishedAt },
    deepfakeDetection: { verdict: outcome, score: scores[outcome], analyzedAt: finishedAt },
  } satisfies Partial<FaceSignReportBody>;
}

/**
 * Ends a `pending` deepfake analysis with `outcome` and rings `analysis.deepfake` (a doorbell:
 * the receiver refetches). False when the session has no pending analysis.
 * @example
 * finishDeepfake(ctx, record, "manipulated");
 */
export function finishDeepfake(
  ctx: FaceSignContext,
  record: FaceSignRecord,
  outcome: FaceSignDeepfakeOutcome,
): boolean {
  const report = record.session.report;
  const status = report?.deepfakeDetectionStatus;
  if (!report || status?.state !== "pending") return false;
  Object.assign(report, finishedAnalysis(ctx, status.startedAt ?? ctx.now(), outcome));
  sendWebhook(ctx, record.session.id, "analysis.deepfake");
  return true;
}
