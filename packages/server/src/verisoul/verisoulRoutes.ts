import {
  FaceKitError,
  type FaceMatchResultResponse,
  toFaceMatchResult,
} from "@facekit/core/protocol";
import * as v from "valibot";
import { readJsonBody } from "../internal/readJsonBody.ts";
import { jsonResponse } from "../internal/responses.ts";
import type { AuthorizeResult } from "../types.ts";
import type { CacheLookup, ResultCacheRequest } from "./createResultCache.ts";
import { faceMatchResult } from "./faceMatchResult.ts";
import { mintFaceMatchSession } from "./mintFaceMatchSession.ts";
import type { ResolvedVerisoul } from "./resolveVerisoul.ts";
import { assertOwnedBy, verifySessionToken } from "./sessionToken.ts";
import type { FaceMatchResultEvent } from "./types.ts";

/** What the result cache keeps per completed session: everything `onResult` is given. */
export type CompletedFaceMatch = Omit<FaceMatchResultEvent, "accountId" | "sessionId">;

/** The server instance's result cache (see `createResultCache`). */
export type FaceMatchResults = (
  request: ResultCacheRequest<CompletedFaceMatch>,
) => Promise<CacheLookup<CompletedFaceMatch>>;

/** What a Verisoul route needs once the request is routed and authorized. */
export interface VerisoulRouteContext {
  verisoul: ResolvedVerisoul;
  key: Uint8Array;
  auth: AuthorizeResult;
  /** This server instance's result cache: shared lookups, kept results, pending throttle. */
  results: FaceMatchResults;
}

const sessionBodySchema = v.object({
  referringSessionId: v.optional(v.pipe(v.string(), v.uuid())),
  // Only a wish: `verisoul.langs` decides (see `hostedFlowUrl`).
  locale: v.optional(v.pipe(v.string(), v.maxLength(100))),
});

const resultBodySchema = v.object({
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)),
});

/**
 * `POST …/verisoul/session` with an optional `{referringSessionId, locale}` body: mints a session
 * for the authorized account and answers a `FaceMatchSession` (`lng` follows `locale` when
 * `verisoul.langs` allows it).
 * @example
 * return handleVerisoulSession(request, context);
 */
export async function handleVerisoulSession(
  request: Request,
  { verisoul, key, auth }: VerisoulRouteContext,
): Promise<Response> {
  const body = await readJsonBody(request, sessionBodySchema);
  const session = await mintFaceMatchSession(verisoul, key, auth.accountId, {
    referringSessionId: body.referringSessionId,
    locale: body.locale,
  });
  return jsonResponse(session);
}

/**
 * `POST …/verisoul/result` with `{token}`: checks the token belongs to the authorized account,
 * then answers a `FaceMatchResultResponse` (pending or completed, linked accounts as a count).
 * Per-request `authorize` overrides win over the server config. The first completed result is
 * handed to `verisoul.onResult` before it is sent; the result cache spares Verisoul repeated calls.
 * @example
 * return handleVerisoulResult(request, context);
 */
export async function handleVerisoulResult(
  request: Request,
  { verisoul, key, auth, results }: VerisoulRouteContext,
): Promise<Response> {
  const { token } = await readJsonBody(request, resultBodySchema);
  const claims = await verifySessionToken(key, token);
  assertOwnedBy(claims, auth.accountId);
  const sessionId = claims.sid;
  const accountId = auth.accountId;
  const features = {
    authenticate: auth.verisoul?.authenticate ?? verisoul.authenticate,
    enroll: auth.verisoul?.enroll ?? verisoul.enroll,
  };
  const answer = await results({
    session: JSON.stringify([sessionId, accountId]),
    variant: JSON.stringify([features.authenticate, features.enroll]),
    expiresAt: claims.exp * 1000,
    async lookup() {
      const found = await faceMatchResult(verisoul.client, sessionId, accountId, features);
      if (found.status === "pending") return found;
      const { verdict, body } = found;
      return { status: "completed", value: { verdict, body, result: toFaceMatchResult(verdict) } };
    },
    async deliver(completed) {
      const { onResult } = verisoul;
      if (!onResult) return;
      try {
        await onResult({ accountId, sessionId, ...completed }, request);
      } catch (cause) {
        // The developer's own persistence failed: the browser learns nothing more than that.
        throw new FaceKitError("internal", "Internal error: the result could not be recorded.", {
          cause,
        });
      }
    },
  });
  const body: FaceMatchResultResponse =
    answer.status === "pending"
      ? { status: "pending" }
      : { status: "completed", result: answer.value.result };
  return jsonResponse(body);
}
