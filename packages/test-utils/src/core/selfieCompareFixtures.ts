/**
 * Stand-ins for what the developer's Didit compare route answers (FaceKit's own contract, never
 * Didit's), and a picked file. Shared by core's tests, React's fake Didit backend and the
 * stories' in-memory backend.
 */
import type { SelfieCompareResult } from "@facekit/core/protocol";

/**
 * An approved comparison (`req-1`, score 91) or a declined one (`req-2`, score 14, a warning).
 * @example
 * t.backend.setResult(makeSelfieCompareResult("declined"));
 * await screen.findByText("Similarity: 14 out of 100");
 */
export function makeSelfieCompareResult(
  status: SelfieCompareResult["status"] = "approved",
): SelfieCompareResult {
  const approved = status === "approved";
  return {
    requestId: approved ? "req-1" : "req-2",
    status,
    score: approved ? 91 : 14,
    warnings: approved
      ? []
      : [{ code: "LOW_FACE_MATCH_SIMILARITY", message: "The faces look different." }],
    faces: { selfie: 1, reference: 1 },
  };
}

/**
 * A small blob typed as a JPEG (its bytes are `name`).
 * @example
 * t.flow.setFile("selfie", jpeg("me"));
 */
export const jpeg = (name = "a") => new Blob([name], { type: "image/jpeg" });
