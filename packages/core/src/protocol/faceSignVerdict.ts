/**
 * FaceKit's verdict on a FaceSign session, from whichever report shape FaceSign sent (the older
 * `isVerified`/`livenessDetected` fields, today's `nodeReports` + `deepfakeDetection`, or both).
 * The rule and what is confirmed or inferred: docs/decisions/0011-facesign-report-verdict.md.
 */
import {
  type FaceSignNodeReport,
  type FaceSignSessionObject,
  toFaceSignSessionStatus,
} from "./facesign.ts";

/** What FaceKit concludes about a FaceSign session. */
export interface FaceSignVerdict {
  /** `pending`: not final yet (session running, report missing, deepfake analysis running). */
  outcome: "verified" | "not_verified" | "pending";
  /** What decided the outcome. */
  basis:
    | "not_finished"
    | "incomplete"
    | "no_report"
    | "deepfake"
    | "deepfake_pending"
    | "report"
    | "nodes"
    | "no_evidence";
  /** The post-session deepfake analysis: its verdict, `pending`, `failed` (or timed out), or `not_run`. */
  deepfake: "authentic" | "manipulated" | "unknown" | "pending" | "failed" | "not_run";
  /** Liveness seen by the report (older field, else liveness/face-scan nodes); null if none ran. */
  livenessDetected: boolean | null;
}

/** Node types whose outcome says something about the face in front of the camera. */
const faceNodes = new Set(["liveness_detection", "face_scan", "face_compare", "recognition"]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** The node reports that are well-formed enough to read (a malformed one is skipped). */
function nodeReportsOf(report: Record<string, unknown>): FaceSignNodeReport[] {
  const list = report.nodeReports;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (n): n is FaceSignNodeReport =>
      isObject(n) && typeof n.type === "string" && typeof n.outcome === "string",
  );
}

/** True when a face node reached its passing outcome and none of its checks failed. */
function facePassed(node: FaceSignNodeReport): boolean {
  const details: Record<string, unknown> = isObject(node.report) ? node.report : {};
  const compare = isObject(details.compareFacesReport) ? details.compareFacesReport : {};
  switch (node.type) {
    case "liveness_detection":
      return node.outcome === "livenessDetected";
    case "face_scan":
      return (
        node.outcome === "passed" &&
        details.livenessChallengePassed !== false &&
        details.aiLivenessCheckPassed !== false &&
        compare.isMatch !== false
      );
    case "face_compare":
      return node.outcome === "match";
    default:
      return node.outcome !== "noFace"; // recognition: recognized or newUser both saw a face
  }
}

function livenessOf(report: Record<string, unknown>, nodes: FaceSignNodeReport[]): boolean | null {
  if (typeof report.livenessDetected === "boolean") return report.livenessDetected;
  const checks = nodes.flatMap((node): boolean[] => {
    if (node.type === "liveness_detection") return [node.outcome === "livenessDetected"];
    if (node.type !== "face_scan" || !isObject(node.report)) return [];
    const { livenessChallengePassed: a, aiLivenessCheckPassed: b } = node.report;
    return [a, b].filter((x): x is boolean => typeof x === "boolean");
  });
  return checks.length === 0 ? null : checks.some(Boolean);
}

function deepfakeOf(report: Record<string, unknown>): FaceSignVerdict["deepfake"] {
  const detection = isObject(report.deepfakeDetection) ? report.deepfakeDetection : {};
  const verdict = detection.verdict;
  if (verdict === "authentic" || verdict === "manipulated" || verdict === "unknown") return verdict;
  const status = isObject(report.deepfakeDetectionStatus) ? report.deepfakeDetectionStatus : {};
  const state = status.state ?? status.status;
  if (state === "pending") return "pending";
  if (state === "failed" || state === "timed_out") return "failed";
  return state === "succeeded" ? "unknown" : "not_run";
}

/**
 * FaceKit's verdict on a session, by one rule: an unfinished session is `pending`, an
 * `incomplete` one `not_verified`; then a deepfake found (analysis `manipulated`, or a liveness
 * node's `deepfakeDetected`) is `not_verified`; then the report's own `isVerified` decides when
 * present, else the face nodes (`liveness_detection`, `face_scan`, `face_compare`,
 * `recognition`): all passed and at least one ran; a positive result waits (`pending`) while the
 * deepfake analysis is still running. Never throws, whatever the report holds.
 * @example
 * const { outcome } = toFaceSignVerdict(session); // "verified" | "not_verified" | "pending"
 */
export function toFaceSignVerdict(session: FaceSignSessionObject): FaceSignVerdict {
  const report: Record<string, unknown> = isObject(session.report) ? session.report : {};
  const nodes = nodeReportsOf(report);
  const deepfake = deepfakeOf(report);
  const livenessDetected = livenessOf(report, nodes);
  const verdict = (outcome: FaceSignVerdict["outcome"], basis: FaceSignVerdict["basis"]) => ({
    outcome,
    basis,
    deepfake,
    livenessDetected,
  });
  const status = toFaceSignSessionStatus(session.status);
  if (status === "incomplete") return verdict("not_verified", "incomplete");
  if (status !== "complete") return verdict("pending", "not_finished");
  if (!isObject(session.report)) return verdict("pending", "no_report");
  const deepfakeNode = nodes.some((n) => n.outcome === "deepfakeDetected");
  if (deepfake === "manipulated" || deepfakeNode) return verdict("not_verified", "deepfake");
  const faces = nodes.filter((n) => faceNodes.has(n.type));
  const own = report.isVerified;
  const basis = typeof own === "boolean" ? "report" : "nodes";
  const passed = typeof own === "boolean" ? own : faces.length > 0 && faces.every(facePassed);
  if (!passed) {
    return verdict(
      "not_verified",
      typeof own === "boolean" || faces.length ? basis : "no_evidence",
    );
  }
  if (deepfake === "pending") return verdict("pending", "deepfake_pending");
  return verdict("verified", basis);
}
