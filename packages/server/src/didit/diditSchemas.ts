/**
 * Shape of Didit's compare answer (`POST /v3/face-match/`), checked before anything reads it. Loose objects: unknown
 * fields pass through; only what FaceKit relies on is checked.
 */
import * as v from "valibot";

const imageReportSchema = v.looseObject({
  entities: v.array(v.looseObject({ bbox: v.array(v.number()), confidence: v.number() })),
  best_angle: v.optional(v.number(), 0),
});

/** `POST /v3/face-match/` 200. */
export const compareBodySchema = v.looseObject({
  request_id: v.pipe(v.string(), v.minLength(1)),
  face_match: v.looseObject({
    status: v.string(),
    score: v.nullable(v.number()),
    user_image: imageReportSchema,
    ref_image: imageReportSchema,
    warnings: v.array(
      v.looseObject({ risk: v.string(), short_description: v.optional(v.string(), "") }),
    ),
  }),
  created_at: v.string(),
});
