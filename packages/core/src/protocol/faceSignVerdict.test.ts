import { describe, expect, it } from "vitest";
import { toFaceSignVerdict } from "./faceSignVerdict.ts";
import type { FaceSignReportBody, FaceSignSessionObject } from "./facesign.ts";

const session = (report?: unknown, status = "complete"): FaceSignSessionObject =>
  ({ id: "s", createdAt: 1, status, settings: {}, report }) as FaceSignSessionObject;

const node = (type: string, outcome: string, report?: unknown) => ({
  type,
  nodeId: type,
  createdAt: 1,
  outcome,
  ...(report !== undefined && { report }),
});

const verdictOf = (report: FaceSignReportBody | unknown, status?: string) =>
  toFaceSignVerdict(session(report, status));

describe("toFaceSignVerdict", () => {
  it("is pending while the session runs or before its report exists", () => {
    expect(verdictOf(undefined, "inProgress")).toMatchObject({
      outcome: "pending",
      basis: "not_finished",
    });
    expect(verdictOf(undefined)).toMatchObject({ outcome: "pending", basis: "no_report" });
  });

  it("never verifies a session that ended without reaching an end node", () => {
    expect(verdictOf({ isVerified: true }, "incomplete")).toMatchObject({
      outcome: "not_verified",
    });
    expect(verdictOf({ isVerified: true }, "canceled")).toMatchObject({ basis: "incomplete" });
  });

  it("refuses on a failed face-scan check even when the outcome says passed", () => {
    const scan = node("face_scan", "passed", { aiLivenessCheckPassed: false });
    expect(verdictOf({ nodeReports: [scan] })).toMatchObject({
      outcome: "not_verified",
      basis: "nodes",
      livenessDetected: false,
    });
    const mismatch = node("face_scan", "passed", { compareFacesReport: { isMatch: false } });
    expect(verdictOf({ nodeReports: [mismatch] })).toMatchObject({ outcome: "not_verified" });
  });

  it("needs at least one face node: a flow of conversations proves nobody", () => {
    const talk = node("conversation", "end");
    expect(verdictOf({ nodeReports: [talk] })).toMatchObject({
      outcome: "not_verified",
      basis: "no_evidence",
      livenessDetected: null,
    });
  });

  it("lets a deepfake found anywhere win over FaceSign's own isVerified", () => {
    expect(
      verdictOf({ isVerified: true, deepfakeDetection: { verdict: "manipulated" } }),
    ).toMatchObject({ outcome: "not_verified", basis: "deepfake" });
    const live = node("liveness_detection", "deepfakeDetected");
    expect(verdictOf({ nodeReports: [live] })).toMatchObject({ basis: "deepfake" });
  });

  it("keeps the flow's verdict when the deepfake analysis failed, and says so", () => {
    const live = node("liveness_detection", "livenessDetected");
    const failed = { nodeReports: [live], deepfakeDetectionStatus: { state: "timed_out" } };
    expect(verdictOf(failed)).toMatchObject({ outcome: "verified", deepfake: "failed" });
    // 1.0.44 named the state `status`
    const pending = { nodeReports: [live], deepfakeDetectionStatus: { status: "pending" } };
    expect(verdictOf(pending)).toMatchObject({ outcome: "pending", deepfake: "pending" });
  });

  it("never throws on a malformed report", () => {
    for (const report of [[], "x", { nodeReports: "x" }, { nodeReports: [null, 1, {}] }]) {
      expect(() => verdictOf(report)).not.toThrow();
    }
    expect(verdictOf({ nodeReports: [null] })).toMatchObject({ outcome: "not_verified" });
  });
});
