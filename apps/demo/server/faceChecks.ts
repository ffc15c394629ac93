/**
 * How the demo's backend turns each vendor's answer into the face check it keeps on the account.
 * These run inside FaceKit's `onResult` hooks: the browser's copy of a result is never used.
 */
import type {
  FaceMatchResultEvent,
  FaceSignResultEvent,
  SelfieCompareResultEvent,
} from "@facekit/server";

/** A face check as the backend recorded it from the vendor's answer. */
export interface DemoFaceCheck {
  vendor: "verisoul" | "facesign" | "didit";
  /** The vendor's decision, in words. */
  decision: string;
  /** Acme's policy applied to that decision: may this account go on? */
  passed: boolean;
  /** Verisoul only: risk score, 0-1 (higher is riskier). */
  riskScore?: number;
  /** Verisoul risk flags, FaceSign's AI verdict, or Didit's warning codes. */
  flags: string[];
  /** Verisoul only. */
  enrolled?: boolean;
  /** Verisoul only: other accounts with the same face. */
  linkedAccounts?: number;
  /** FaceSign only. */
  livenessDetected?: boolean | null;
  /** Didit only: the similarity score (0-100), null when no face pair could be scored. */
  score?: number | null;
  /** The vendor's session or request id, to look the check up in the vendor's console. */
  reference: string;
  checkedAt: string;
}

const now = () => new Date().toISOString();

/** Verisoul Face Match: Acme lets in a real face that no other account has. */
export function fromVerisoul({ sessionId, result }: FaceMatchResultEvent): DemoFaceCheck {
  return {
    vendor: "verisoul",
    decision: result.decision,
    passed: result.decision === "Real" && result.linkedAccounts === 0,
    riskScore: result.riskScore,
    flags: result.riskFlags,
    enrolled: result.enrolled === true,
    linkedAccounts: result.linkedAccounts,
    reference: sessionId,
    checkedAt: now(),
  };
}

/** FaceSign: verified when the session completed and FaceSign's report says so. */
export function fromFaceSign({ sessionId, status, session }: FaceSignResultEvent): DemoFaceCheck {
  const report = session.report;
  const verified = status === "complete" && report?.isVerified === true;
  const seen = report?.aiAnalysis?.realPersonOrVirtual;
  return {
    vendor: "facesign",
    decision: status === "complete" ? (verified ? "Verified" : "Not verified") : "Left",
    passed: verified,
    flags: seen && seen !== "real" ? [`ai:${seen}`] : [],
    livenessDetected: report?.livenessDetected ?? null,
    reference: sessionId,
    checkedAt: now(),
  };
}

/** Didit selfie compare: the server's threshold decided `approved`. */
export function fromDidit({ result }: SelfieCompareResultEvent): DemoFaceCheck {
  return {
    vendor: "didit",
    decision:
      result.status === "approved"
        ? "Same person"
        : result.status === "review"
          ? "Needs review"
          : "Not a match",
    passed: result.status === "approved",
    score: result.score,
    flags: result.warnings.map((w) => w.code),
    reference: result.requestId,
    checkedAt: now(),
  };
}
