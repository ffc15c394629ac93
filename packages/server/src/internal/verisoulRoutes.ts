import type { FaceMatchResultResponse } from "@facekit/core/protocol";
import * as v from "valibot";
import type { AuthorizeResult } from "../types.ts";
import type { Coalescer } from "./createCoalescer.ts";
import { faceMatchResult } from "./faceMatchResult.ts";
import { mintFaceMatchSession } from "./mintFaceMatchSession.ts";
import { readJsonBody } from "./readJsonBody.ts";
import type { ResolvedVerisoul } from "./resolveVerisoul.ts";
import { jsonResponse } from "./responses.ts";
import { assertOwnedBy, verifySessionToken } from "./sessionToken.ts";

/** What a Verisoul route needs once the request is routed and authorized. */
export interface VerisoulRouteContext {
  verisoul: ResolvedVerisoul;
  key: Uint8Array;
  auth: AuthorizeResult;
  /** Shares concurrent identical result lookups within this server instance. */
  coalesce: Coalescer<FaceMatchResultResponse>;
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
 * return handleVerisoulSession(request, { verisoul, key, auth, coalesce });
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
 * overrides win over the server config. Identical concurrent lookups share one vendor exchange.
 * @example
 * return handleVerisoulResult(request, { verisoul, key, auth, coalesce });
 */
export async function handleVerisoulResult(
  request: Request,
  { verisoul, key, auth, coalesce }: VerisoulRouteContext,
): Promise<Response> {
  const { token } = await readJsonBody(request, resultBodySchema);
  const claims = await verifySessionToken(key, token);
  assertOwnedBy(claims, auth.accountId);
  const features = {
    authenticate: auth.verisoul?.authenticate ?? verisoul.authenticate,
    enroll: auth.verisoul?.enroll ?? verisoul.enroll,
  };
  const answer = await coalesce(
    JSON.stringify([claims.sid, auth.accountId, features.authenticate, features.enroll]),
    () => faceMatchResult(verisoul.client, claims.sid, auth.accountId, features),
  );
  return jsonResponse(answer);
}
