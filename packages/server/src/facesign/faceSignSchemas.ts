/**
 * Shapes of FaceSign's successful answers, checked before anything reads them. Loose objects:
 * unknown fields pass through untouched; only what FaceKit relies on is checked.
 */
import { FaceKitError } from "@facekit/core/protocol";
import * as v from "valibot";

/** A client secret (`expireAt` in epoch ms). */
export const clientSecretSchema = v.looseObject({
  secret: v.pipe(v.string(), v.minLength(1)),
  url: v.pipe(v.string(), v.url()),
  createdAt: v.number(),
  expireAt: v.number(),
});

/** A session object: id, status and the settings echo (ownership reads `clientReferenceId`). */
const sessionObjectSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  createdAt: v.number(),
  status: v.string(),
  settings: v.looseObject({ clientReferenceId: v.string() }),
});

/** `POST /sessions` and `GET /sessions/{id}` 200. */
export const sessionBodySchema = v.looseObject({
  session: sessionObjectSchema,
  clientSecret: clientSecretSchema,
});

/** `GET /sessions` 200. */
export const listBodySchema = v.looseObject({
  sessions: v.array(sessionObjectSchema),
  hasMore: v.boolean(),
});

/**
 * Checks a FaceSign answer or throws `vendor_unavailable` (an answer we cannot read is the
 * vendor failing, not the caller). Returns the value unchanged, typed as `T`.
 * @example
 * const body = checkFaceSignBody<FaceSignSessionBody>(sessionBodySchema, json, "/sessions");
 */
export function checkFaceSignBody<T>(schema: v.GenericSchema, value: unknown, path: string): T {
  const result = v.safeParse(schema, value);
  if (result.success) return value as T;
  throw new FaceKitError("vendor_unavailable", `FaceSign sent an unexpected answer (${path}).`, {
    cause: new v.ValiError(result.issues),
  });
}
