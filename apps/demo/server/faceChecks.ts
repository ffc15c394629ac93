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
  /**
   * Didit with a reference photo the person uploaded: the check says the two photos look alike,
   * not who the person is (they chose both), so it never passes on its own.
   */
  lookAlikeOnly?: boolean;
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

/**
 * FaceSign: FaceKit's verdict, from whichever report shape FaceSign sent (decision 0011). A
 * pending verdict (deepfake analysis still running) is recorded as pending; `onResult` runs again
 * with the final one.
 */
export function fromFaceSign({
  sessionId,
  status,
  session,
  verdict,
}: FaceSignResultEvent): DemoFaceCheck {
  const verified = verdict.outcome === "verified";
  const seen = session.report?.aiAnalysis?.realPersonOrVirtual;
  const flags = seen && seen !== "real" ? [`ai:${seen}`] : [];
  if (verdict.deepfake === "manipulated") flags.push("deepfake");
  return {
    vendor: "facesign",
    decision:
      status !== "complete"
        ? "Left"
        : verified
          ? "Verified"
          : verdict.outcome === "pending"
            ? "Pending"
            : "Not verified",
    passed: verified,
    flags,
    livenessDetected: verdict.livenessDetected,
    reference: sessionId,
    checkedAt: now(),
  };
}

/**
 * Didit selfie compare: the server's threshold decided `approved`. With a reference photo the
 * person uploaded (the demo's case), the person chose both photos, so Didit's answer only says
 * that two photos look alike, never who the person is: Acme records it and does not activate the
 * account on it. Only a reference the backend holds (`didit.getReferenceImage`, e.g. the photo of
 * an ID checked earlier) could make it an identity check.
 */
export function fromDidit({ result, reference }: SelfieCompareResultEvent): DemoFaceCheck {
  const alike = result.status === "approved";
  const review = result.status === "review";
  const uploaded = reference === "upload";
  const [yes, no] = uploaded
    ? (["Photos look alike", "Photos do not look alike"] as const)
    : (["Same person", "Not a match"] as const);
  return {
    vendor: "didit",
    decision: review ? "Needs review" : alike ? yes : no,
    passed: alike && !uploaded,
    ...(uploaded ? { lookAlikeOnly: true } : {}),
    score: result.score,
    flags: result.warnings.map((w) => w.code),
    reference: result.requestId,
    checkedAt: now(),
  };
}
