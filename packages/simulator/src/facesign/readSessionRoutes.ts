import type { FaceSignClientSecretBody, FaceSignSessionBody } from "@facekit/core/protocol";
import { jsonResponse } from "../internal/jsonResponse.ts";
import type { FaceSignContext, FaceSignRecord } from "./createFaceSignContext.ts";
import { facesignError } from "./facesignError.ts";
import { mintSecret } from "./sessionLifecycle.ts";

const notFound = () => facesignError(404, "not_found_error", "Session not found");

/** A session record by the `{id}` path segment, or null. */
function find(ctx: FaceSignContext, rawId: string): FaceSignRecord | null {
  return ctx.sessions.get(decodeURIComponent(rawId)) ?? null;
}

/**
 * `GET /sessions/{id}`: `{ session, clientSecret }` (current secret); 404 `not_found_error`.
 * @example
 * getSessionRoute(ctx, id);
 */
export function getSessionRoute(ctx: FaceSignContext, rawId: string): Response {
  const record = find(ctx, rawId);
  if (!record) return notFound();
  const body: FaceSignSessionBody = {
    session: structuredClone(record.session),
    clientSecret: { ...record.clientSecret },
  };
  return jsonResponse(body);
}

/**
 * `GET /sessions/{id}/refresh`: a new client secret (the old one is refused from now on); the
 * session itself is unchanged.
 * @example
 * refreshSecretRoute(ctx, id); // { secret: "cs...", url, createdAt, expireAt }
 */
export function refreshSecretRoute(ctx: FaceSignContext, rawId: string): Response {
  const record = find(ctx, rawId);
  if (!record) return notFound();
  record.clientSecret = mintSecret(ctx, record.session.id, record.clientSecret.secret);
  const body: FaceSignClientSecretBody = { ...record.clientSecret };
  return jsonResponse(body);
}
