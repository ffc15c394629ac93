import {
  FaceKitError,
  type FaceSignSession,
  type FaceSignSessionObject,
  type FaceSignStatusResponse,
  toFaceSignStatus,
  toFaceSignSummary,
} from "@facekit/core/protocol";
import * as v from "valibot";
import type { AuthorizeResult } from "../types.ts";
import type { FaceSignStatusCache } from "./createFaceSignStatusCache.ts";
import { readJsonBody } from "./readJsonBody.ts";
import type { ResolvedFaceSign } from "./resolveFaceSign.ts";
import { jsonResponse } from "./responses.ts";

/** What a FaceSign browser route needs once the request is routed and authorized. */
export interface FaceSignRouteContext {
  facesign: ResolvedFaceSign;
  auth: AuthorizeResult;
  statuses: FaceSignStatusCache;
}

const sessionRequestSchema = v.object({
  sessionId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
});

const notOwned = (cause?: unknown) =>
  new FaceKitError("session_invalid", "No such FaceSign session for this account.", { cause });

/**
 * The session, if it belongs to `accountId`. Foreign and unknown sessions get the very same
 * answer (no `vendorCode` either), so nobody learns that a session exists.
 */
async function ownedSession(
  accountId: string,
  read: () => Promise<FaceSignSessionObject>,
): Promise<FaceSignSessionObject> {
  let session: FaceSignSessionObject;
  try {
    session = await read();
  } catch (error) {
    if (error instanceof FaceKitError && error.code === "session_invalid") throw notOwned(error);
    throw error;
  }
  if (session.settings.clientReferenceId !== accountId) throw notOwned();
  return session;
}

/**
 * `POST …/facesign/session`: creates a session with the configured settings for the authorized
 * account (`clientReferenceId`); the body is ignored (it must still be JSON).
 * @example
 * return handleFaceSignSession(request, context);
 */
export async function handleFaceSignSession(
  request: Request,
  { facesign, auth, statuses }: FaceSignRouteContext,
): Promise<Response> {
  await readJsonBody(request, v.object({}));
  const { session, clientSecret } = await facesign.client.createSession({
    ...facesign.session,
    clientReferenceId: auth.accountId,
  });
  statuses.put(session);
  const body: FaceSignSession = {
    sessionId: session.id,
    clientSecret: clientSecret.secret,
    url: clientSecret.url,
    expireAt: clientSecret.expireAt,
  };
  return jsonResponse(body);
}

/**
 * `POST …/facesign/refresh` with `{sessionId}`: a new client secret for a session of the
 * authorized account (the old secret stops working). A finished session is `session_expired`.
 * @example
 * return handleFaceSignRefresh(request, context);
 */
export async function handleFaceSignRefresh(
  request: Request,
  { facesign, auth, statuses }: FaceSignRouteContext,
): Promise<Response> {
  const { sessionId } = await readJsonBody(request, sessionRequestSchema);
  const session = await ownedSession(auth.accountId, async () => {
    const known = statuses.get(sessionId);
    if (known) return known;
    const fetched = (await facesign.client.getSession(sessionId)).session;
    statuses.put(fetched);
    return fetched;
  });
  const status = toFaceSignStatus(session.status);
  if (status === "complete" || status === "incomplete") {
    throw new FaceKitError("session_expired", "This FaceSign session has ended; start a new one.");
  }
  const secret = await facesign.client.refreshSecret(sessionId);
  const body: FaceSignSession = {
    sessionId,
    clientSecret: secret.secret,
    url: secret.url,
    expireAt: secret.expireAt,
  };
  return jsonResponse(body);
}

/**
 * `POST …/facesign/status` with `{sessionId}`: the status of a session of the authorized
 * account, plus the client-safe summary (and the configured `expose` fields) once it ended.
 * Served from the instance's status cache (see `createFaceSignStatusCache`).
 * @example
 * return handleFaceSignStatus(request, context);
 */
export async function handleFaceSignStatus(
  request: Request,
  { facesign, auth, statuses }: FaceSignRouteContext,
): Promise<Response> {
  const { sessionId } = await readJsonBody(request, sessionRequestSchema);
  const session = await ownedSession(auth.accountId, () =>
    statuses.read(sessionId, async () => (await facesign.client.getSession(sessionId)).session),
  );
  const status = toFaceSignStatus(session.status);
  const body: FaceSignStatusResponse = { sessionId, status };
  if (status === "complete" || status === "incomplete") {
    body.summary = toFaceSignSummary(session, facesign.expose);
  }
  return jsonResponse(body);
}
