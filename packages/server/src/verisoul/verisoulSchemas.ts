/**
 * Shapes of Verisoul's successful answers, checked before anything reads them. Loose objects:
 * unknown fields pass through untouched (verify-face returns the raw body). Only the fields
 * FaceKit relies on are checked.
 */
import { FaceKitError } from "@facekit/core/protocol";
import * as v from "valibot";

/** `GET /liveness/session` 200. */
export const sessionBodySchema = v.looseObject({
  request_id: v.string(),
  session_id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
});

const linkedAccountSchema = v.looseObject({
  account_id: v.string(),
  match_types: v.array(
    v.picklist(["face", "ip_address", "browser", "document_number", "document_name"]),
  ),
});

/** `POST /liveness/verify-face` 200. */
export const verifyFaceBodySchema = v.looseObject({
  metadata: v.optional(
    v.looseObject({
      session_id: v.optional(v.string()),
      account_id: v.optional(v.nullable(v.string())),
    }),
  ),
  decision: v.optional(v.picklist(["Real", "Suspicious", "Fake"])),
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
 * Parses a vendor answer or throws `vendor_unavailable` (an answer we cannot read is the vendor
 * failing, not the caller).
 * @example
 * const body = parseVendorBody(sessionBodySchema, json, "/liveness/session");
 */
export function parseVendorBody<const S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  path: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  throw new FaceKitError("vendor_unavailable", `Verisoul sent an unexpected answer (${path}).`, {
    cause: new v.ValiError(result.issues),
  });
}
