/**
 * What FaceKit reads of Didit's compare answer (`POST /v3/face-match/`), a tolerant reader:
 * loose objects, only the fields FaceKit uses are checked (`request_id`, `face_match.status`,
 * `score`, `warnings[].risk`), everything else passes through untouched. `user_image` /
 * `ref_image` and their `entities` are never required: Didit's endpoint document does not
 * promise them (shared vendor notes), so a body without them is still a good answer.
 */
import type { DiditCompareBody } from "@facekit/core/protocol";
import * as v from "valibot";
import { parseVendorAnswer } from "../internal/parseVendorAnswer.ts";

/** `POST /v3/face-match/` 200. */
const compareBodySchema = v.looseObject({
  request_id: v.pipe(v.string(), v.minLength(1)),
  face_match: v.looseObject({
    status: v.pipe(v.string(), v.minLength(1)),
    score: v.nullable(v.number()),
    warnings: v.array(
      v.looseObject({ risk: v.string(), short_description: v.fallback(v.string(), "") }),
    ),
  }),
});

/**
 * Reads a compare answer: the body as Didit sent it (a missing `short_description` reads as
 * `""`), or `vendor_unavailable` naming the needed field that is missing, e.g. `face_match.score`.
 * @example
 * const body = parseCompareBody(await response.json());
 */
export function parseCompareBody(value: unknown): DiditCompareBody {
  const label = { vendor: "Didit", label: "POST /v3/face-match/" };
  // Only the checked fields are typed by the schema; the rest is Didit's, passed through.
  return parseVendorAnswer(compareBodySchema, value, label) as unknown as DiditCompareBody;
}
