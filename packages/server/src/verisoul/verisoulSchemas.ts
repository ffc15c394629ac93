/**
 * What FaceKit reads of Verisoul's successful answers, a tolerant reader: loose objects, only the
 * fields FaceKit uses are checked, everything else passes through untouched (verify-face returns
 * the raw body). Values Verisoul may add later (a new `decision`, a new match type) never fail an
 * answer: FaceKit reads an unknown decision as the cautious `"Suspicious"` (`toFaceMatchVerdict`).
 */
import * as v from "valibot";
import { parseVendorAnswer } from "../internal/parseVendorAnswer.ts";

/** `GET /liveness/session` 200. */
export const sessionBodySchema = v.looseObject({
  request_id: v.string(),
  session_id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
});

const linkedAccountSchema = v.looseObject({
  account_id: v.string(),
  match_types: v.optional(v.array(v.string()), []),
});

/** `POST /liveness/verify-face` 200 (every field optional in Verisoul's spec). */
export const verifyFaceBodySchema = v.looseObject({
  metadata: v.optional(
    v.looseObject({
      session_id: v.optional(v.string()),
      account_id: v.optional(v.nullable(v.string())),
    }),
  ),
  decision: v.optional(v.string()),
  risk_score: v.optional(v.number()),
  risk_flags: v.optional(v.array(v.string())),
  matches: v.optional(
    v.looseObject({
      num_accounts_linked: v.optional(v.number()),
      accounts_linked: v.optional(v.array(linkedAccountSchema)),
    }),
  ),
});

/** `POST /liveness/verify-identity` 200. */
export const verifyIdentityBodySchema = v.looseObject({ match: v.boolean() });

/**
 * Parses a vendor answer or throws `vendor_unavailable` naming the needed field that is missing
 * or unusable (an answer we cannot read is the vendor failing, not the caller).
 * @example
 * const body = parseVendorBody(sessionBodySchema, json, "/liveness/session");
 */
export function parseVendorBody<const S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  path: string,
): v.InferOutput<S> {
  return parseVendorAnswer(schema, value, { vendor: "Verisoul", label: path });
}
