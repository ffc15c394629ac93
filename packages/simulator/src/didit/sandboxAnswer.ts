import type { DiditCompareBody } from "@facekit/core/protocol";
import { isoMicros } from "./diditWarnings.ts";
import type { FaceMatchInput } from "./parseFaceMatchForm.ts";

/**
 * The static score of the sandbox answer [I: Didit does not publish its mock payload]. Below 99
 * on purpose: FaceKit's server refuses a score of 99+ for two uploads of one pixel size as a copy
 * of one photo (decision 0012), which would hide the sandbox answer; a real sandbox key that
 * answers 99+ would meet that rule (see the simulator README).
 */
export const sandboxScore = 90;

/**
 * The static Approved payload a sandbox key gets once its request is valid [C: Didit's face-match
 * endpoint document]. Its contents are not published [?]: the simulator sends exactly the fields
 * that document promises (`request_id`, `face_match.{status, score, warnings}`, the echoed
 * `vendor_data` and `metadata`, `created_at`) and leaves out `user_image`/`ref_image`, which
 * only the OpenAPI example shows, so a client that needs them fails here first. `request_id` is
 * a throw-away UUID: nothing is stored.
 * @example
 * return jsonResponse(sandboxAnswer(input, ctx.now()));
 */
export function sandboxAnswer(input: FaceMatchInput, now: number): DiditCompareBody {
  return {
    request_id: crypto.randomUUID(),
    face_match: { status: "Approved", score: sandboxScore, warnings: [] },
    vendor_data: input.vendorData,
    metadata: input.metadata,
    created_at: isoMicros(now),
  };
}
