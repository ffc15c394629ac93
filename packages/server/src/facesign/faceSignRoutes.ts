import {
  FaceKitError,
  type FaceSignClientSecretBody,
  type FaceSignSession,
  type FaceSignStatusResponse,
  toFaceSignSessionStatus,
} from "@facekit/core/protocol";
import * as v from "valibot";
import { matchLocale } from "../internal/matchLocale.ts";
import { readJsonBody } from "../internal/readJsonBody.ts";
import { jsonResponse } from "../internal/responses.ts";
import { assertStoreReachable } from "../store/assertStoreReachable.ts";
import type { AuthorizeResult } from "../types.ts";
import type { ResolvedFaceSign } from "./resolveFaceSign.ts";
import type { FaceSignState } from "./state.ts";

/** What a FaceSign browser route needs once the request is routed and authorized. */
export interface FaceSignRouteContext {
  facesign: ResolvedFaceSign;
  auth: AuthorizeResult;
  /** Statuses, end reports and the store they live in (shared by the store's instances). */
  state: FaceSignState;
}

const mintRequestSchema = v.object({
  // Only a wish: the configured `langs` decide (see `handleFaceSignSession`).
  locale: v.optional(v.pipe(v.string(), v.maxLength(100))),
});

const sessionRequestSchema = v.object({
  sessionId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
});

const statusRequestSchema = v.object({
  ...sessionRequestSchema.entries,
  clientSecret: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(500))),
});

const notOwned = (cause?: unknown) =>
  new FaceKitError("session_invalid", "No such FaceSign session for this account.", { cause });

/**
 * What `read()` returns, if its session belongs to `accountId`. Foreign and unknown sessions get
 * the very same answer (no `vendorCode` either), so nobody learns that a session exists.
 */
async function ownedBody<T>(
  accountId: string,
  read: () => Promise<T>,
  ownerOf: (body: T) => string | undefined,
): Promise<T> {
  let body: T;
  try {
    body = await read();
  } catch (error) {
    if (error instanceof FaceKitError && error.code === "session_invalid") throw notOwned(error);
    throw error;
  }
  if (ownerOf(body) !== accountId) throw notOwned();
  return body;
}

/** What the browser gets of a session: its id and the secret, URL and expiry to embed it. */
function sessionResponse(sessionId: string, secret: FaceSignClientSecretBody): Response {
  const body: FaceSignSession = {
    sessionId,
    clientSecret: secret.secret,
    url: secret.url,
    expireAt: secret.expireAt,
  };
  return jsonResponse(body);
}

/**
 * `POST …/facesign/session` with an optional `{locale}` body: creates a session with the
 * configured settings for the authorized account (`clientReferenceId`). A `locale` that one of the
 * configured `langs` serves (`fr-CA` -> `fr`) becomes the session's only language and its
 * `defaultLang` (FaceSign would otherwise prefer the browser's language among `langs`); any other
 * is ignored. Fails closed: `store_unavailable`, and no FaceSign call, while the store is down.
 * @example
 * return handleFaceSignSession(request, context);
 */
export async function handleFaceSignSession(
  request: Request,
  { facesign, auth, state }: FaceSignRouteContext,
): Promise<Response> {
  const { locale } = await readJsonBody(request, mintRequestSchema);
  await assertStoreReachable(state.store);
  const { langs, defaultLang } = facesign.session;
  const lang = matchLocale(locale, langs ?? (defaultLang ? [defaultLang] : []));
  const created = await facesign.client.createSession({
    ...facesign.session,
    ...(lang && { langs: [lang], defaultLang: lang }),
    clientReferenceId: auth.accountId,
  });
  await state.statuses.put(created);
  return sessionResponse(created.session.id, created.clientSecret);
}

/**
 * `POST …/facesign/refresh` with `{sessionId}`: a new client secret for a session of the
 * authorized account (the old secret stops working). A finished session is `session_expired`.
 * @example
 * return handleFaceSignRefresh(request, context);
 */
export async function handleFaceSignRefresh(
  request: Request,
  { facesign, auth, state }: FaceSignRouteContext,
): Promise<Response> {
  const { sessionId } = await readJsonBody(request, sessionRequestSchema);
  await assertStoreReachable(state.store);
  // Always FaceSign's own, fresh view: a cached `created` may be stale by now.
  const fetched = await ownedBody(
    auth.accountId,
    () => facesign.client.getSession(sessionId),
    (body) => body.session.settings.clientReferenceId,
  );
  await state.statuses.put(fetched);
  const status = toFaceSignSessionStatus(fetched.session.status);
  if (status === "complete" || status === "incomplete") {
    const load = async () => fetched.session;
    await state.reportEnd({ sessionId, session: fetched.session, load }, request);
    throw new FaceKitError("session_expired", "This FaceSign session has ended; start a new one.");
  }
  // The person is in the session: replacing its secret could end their page. Keep it.
  const secret =
    status === "inProgress" ? fetched.clientSecret : await facesign.client.refreshSecret(sessionId);
  await state.statuses.putSecret(sessionId, secret);
  return sessionResponse(sessionId, secret);
}

/**
 * `POST …/facesign/status` with `{sessionId, clientSecret?}`: the status of a session of the
 * authorized account, plus the client-safe summary (and the configured `expose` fields) once it
 * ended. While the session is `created`, `secretValid` says whether FaceSign would still take the
 * `clientSecret` the browser holds (not replaced, not expired), so the browser can refresh it.
 * `secretValid` is left out when this instance cannot tell yet (it does not hold the current secret,
 * secrets never go to the store, and another call just asked FaceSign): the next poll will.
 * Served from the store (see `createFaceSignStatusCache`); a finished session whose `onResult`
 * another instance is running answers `inProgress` until it is done.
 * @example
 * return handleFaceSignStatus(request, context);
 */
export async function handleFaceSignStatus(
  request: Request,
  { facesign, auth, state }: FaceSignRouteContext,
): Promise<Response> {
  const { sessionId, clientSecret: held } = await readJsonBody(request, statusRequestSchema);
  const load = () => facesign.client.getSession(sessionId);
  const known = await ownedBody(
    auth.accountId,
    () => state.statuses.read(sessionId, load, held !== undefined),
    (view) => view.accountId,
  );
  const status = toFaceSignSessionStatus(known.status);
  const body: FaceSignStatusResponse = { sessionId, status };
  if (held !== undefined && status === "created") {
    const secretValid = judgeSecret(held, known);
    if (secretValid !== undefined) body.secretValid = secretValid;
  }
  if (status === "complete" || status === "incomplete") {
    const end = { sessionId, session: known.session, load: async () => (await load()).session };
    if (!(await state.reportEnd(end, request))) {
      return jsonResponse({ sessionId, status: "inProgress" } satisfies FaceSignStatusResponse);
    }
    body.summary = known.summary;
  }
  return jsonResponse(body);
}

/** Whether FaceSign would take `held`: undefined when this process does not know the current secret. */
function judgeSecret(
  held: string,
  known: {
    clientSecret?: FaceSignClientSecretBody;
    secretCreatedAt?: number;
    secretExpireAt?: number;
  },
): boolean | undefined {
  const now = Date.now();
  if (known.secretExpireAt !== undefined && known.secretExpireAt <= now) return false;
  const current = known.clientSecret;
  if (!current || current.createdAt < (known.secretCreatedAt ?? 0)) return undefined;
  return held === current.secret && current.expireAt > now;
}
