import {
  FaceKitError,
  type FaceMatchResultResponse,
  toFaceMatchResult,
  type VerisoulVerifyFaceBody,
} from "@facekit/core/protocol";
import * as v from "valibot";
import { readJsonBody } from "../internal/readJsonBody.ts";
import { jsonResponse } from "../internal/responses.ts";
import type { FaceKitStore } from "../store/types.ts";
import type { AuthorizeResult } from "../types.ts";
import type { CacheLookup, ResultCacheRequest } from "./createResultCache.ts";
import { faceMatchResult } from "./faceMatchResult.ts";
import { mintFaceMatchSession } from "./mintFaceMatchSession.ts";
import type { ResolvedVerisoul } from "./resolveVerisoul.ts";
import { assertOwnedBy, verifySessionToken } from "./sessionToken.ts";
import type { FaceMatchResultEvent } from "./types.ts";

/**
 * What the store keeps per completed session: the verdict and the browser's result. Never
 * Verisoul's `body` (it holds photo and video URLs): `onResult` gets the body of the lookup that
 * found the result, or, when it runs on a later call (another instance, or a retry after it threw),
 * a fresh verify-face read of the session.
 */
export type CompletedFaceMatch = Omit<FaceMatchResultEvent, "accountId" | "sessionId" | "body">;

/** The handler's result cache, in its store (see `createResultCache`). */
export type FaceMatchResults = (
  request: ResultCacheRequest<CompletedFaceMatch>,
) => Promise<CacheLookup<CompletedFaceMatch>>;

/** What a Verisoul route needs once the request is routed and authorized. */
export interface VerisoulRouteContext {
  verisoul: ResolvedVerisoul;
  key: Uint8Array;
  auth: AuthorizeResult;
  /** The result cache in the handler's store: kept results, delivery lease, pending throttle. */
  results: FaceMatchResults;
  /** The handler's store: minting checks it answers before calling Verisoul. */
  store: FaceKitStore;
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
  { verisoul, key, auth, store }: VerisoulRouteContext,
): Promise<Response> {
  const body = await readJsonBody(request, sessionBodySchema);
  const session = await mintFaceMatchSession(verisoul, key, store, auth.accountId, {
    referringSessionId: body.referringSessionId,
    locale: body.locale,
  });
  return jsonResponse(session);
}

/**
 * `POST …/verisoul/result` with `{token}`: checks the token belongs to the authorized account,
 * then answers a `FaceMatchResultResponse` (pending or completed, linked accounts as a count).
 * Per-request `authorize` overrides win over the server config. The first completed result is
 * handed to `verisoul.onResult` before it is sent (once per session across the instances sharing
 * the store); the result cache spares Verisoul repeated calls.
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
  /** Verisoul's body as this request's lookup read it; never stored (photo URLs). */
  let fresh: VerisoulVerifyFaceBody | undefined;
  const answer = await results({
    session: `${sessionId}:${accountId}`,
    variant: `${features.authenticate ? "a" : "-"}${features.enroll ? "e" : "-"}`,
    expiresAt: claims.exp * 1000,
    async lookup() {
      const found = await faceMatchResult(verisoul.client, sessionId, accountId, features);
      if (found.status === "pending") return found;
      const { verdict, body } = found;
      fresh = body;
      return { status: "completed", value: { verdict, result: toFaceMatchResult(verdict) } };
    },
    async deliver(completed) {
      const { onResult } = verisoul;
      if (!onResult) return;
      const body = fresh ?? (await verisoul.client.verifyFace(sessionId));
      try {
        await onResult({ accountId, sessionId, ...completed, body }, request);
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
