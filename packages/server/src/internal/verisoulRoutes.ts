import * as v from "valibot";
import type { AuthorizeResult } from "../types.ts";
import { faceMatchResult } from "./faceMatchResult.ts";
import { mintFaceMatchSession } from "./mintFaceMatchSession.ts";
import { readJsonBody } from "./readJsonBody.ts";
import { jsonResponse } from "./responses.ts";
import type { ResolvedVerisoul } from "./resolveVerisoul.ts";
import { assertOwnedBy, verifySessionToken } from "./sessionToken.ts";

/** What a Verisoul route needs once the request is routed and authorized. */
export interface VerisoulRouteContext {
  verisoul: ResolvedVerisoul;
  key: Uint8Array;
  auth: AuthorizeResult;
}

const sessionBodySchema = v.object({
  referringSessionId: v.optional(v.pipe(v.string(), v.uuid())),
});

const resultBodySchema = v.object({
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)),
});

/**
 * `POST …/verisoul/session` with an optional `{referringSessionId}` body: mints a session for the
 * authorized account and answers a `FaceMatchSession`.
 * @example
 * return handleVerisoulSession(request, { verisoul, key, auth });
 */
export async function handleVerisoulSession(
  request: Request,
  { verisoul, key, auth }: VerisoulRouteContext,
): Promise<Response> {
  const body = await readJsonBody(request, sessionBodySchema);
  const session = await mintFaceMatchSession(verisoul, key, auth.accountId, {
    referringSessionId: body.referringSessionId,
  });
  return jsonResponse(session);
}

/**
 * `POST …/verisoul/result` with `{token}`: checks the token belongs to the authorized account,
 * then answers a `FaceMatchResultResponse` (pending or completed). Per-request `authorize`
 * overrides win over the server config.
 * @example
 * return handleVerisoulResult(request, { verisoul, key, auth });
 */
export async function handleVerisoulResult(
  request: Request,
  { verisoul, key, auth }: VerisoulRouteContext,
): Promise<Response> {
  const { token } = await readJsonBody(request, resultBodySchema);
  const claims = await verifySessionToken(key, token);
  assertOwnedBy(claims, auth.accountId);
  const answer = await faceMatchResult(verisoul.client, claims.sid, auth.accountId, {
    authenticate: auth.verisoul?.authenticate ?? verisoul.authenticate,
    enroll: auth.verisoul?.enroll ?? verisoul.enroll,
  });
  return jsonResponse(answer);
}
