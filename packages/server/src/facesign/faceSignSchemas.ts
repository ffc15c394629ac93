/**
 * Shapes of FaceSign's successful answers, checked before anything reads them. Tolerant reader:
 * loose objects, and only the fields FaceKit itself reads are checked; everything else (the
 * report, media, `createdAt`, `clientReferenceId`, fields FaceSign adds later) passes through
 * untouched and can never fail an answer.
 */
import { FaceKitError } from "@facekit/core/protocol";
import * as v from "valibot";

/** A client secret (`expireAt` in epoch ms): the browser embeds `url` until `expireAt`. */
export const clientSecretSchema = v.looseObject({
  secret: v.pipe(v.string(), v.minLength(1)),
  url: v.pipe(v.string(), v.url()),
  createdAt: v.number(),
  expireAt: v.number(),
});

/**
 * A session object: `id`, `status` and the settings echo. `clientReferenceId` is optional (a
 * session made from FaceSign's dashboard has none; FaceKit then treats it as no account's).
 */
const sessionObjectSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  status: v.pipe(v.string(), v.minLength(1)),
  settings: v.looseObject({ clientReferenceId: v.optional(v.string()) }),
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

/** A webhook doorbell: `sessionId` is absent from settings events (`settings.langs`, ...). */
export const faceSignEventSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  type: v.pipe(v.string(), v.minLength(1)),
  createdAt: v.number(),
  sessionId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
});

/** The dotted paths of the fields a failed check is about, e.g. `session.status`. */
function fieldsOf(issues: readonly v.BaseIssue<unknown>[]): string[] {
  const paths = issues.map((issue) => v.getDotPath(issue) ?? "(body)");
  return [...new Set(paths)];
}

/**
 * Checks a FaceSign answer or throws `vendor_unavailable` naming the missing or unusable fields
 * (an answer we cannot read is the vendor failing, not the caller). Returns the value unchanged,
 * typed as `T`: nothing is stripped.
 * @example
 * const body = checkFaceSignBody<FaceSignSessionBody>(sessionBodySchema, json, "GET /sessions/{id}");
 * // FaceKitError vendor_unavailable: FaceSign's answer to GET /sessions/{id} lacks a usable session.status.
 */
export function checkFaceSignBody<T>(schema: v.GenericSchema, value: unknown, path: string): T {
  const result = v.safeParse(schema, value);
  if (result.success) return value as T;
  const fields = fieldsOf(result.issues).join(", ");
  throw new FaceKitError(
    "vendor_unavailable",
    `FaceSign's answer to ${path} lacks a usable ${fields}.`,
    { cause: new v.ValiError(result.issues) },
  );
}
