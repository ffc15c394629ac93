import type { FaceSignClientSecretBody, FaceSignVendorStatus } from "@facekit/core/protocol";
import type { FaceSignContext, FaceSignRecord } from "./createFaceSignContext.ts";
import { sendStatusWebhook } from "./sendStatusWebhook.ts";

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Mints a new client secret for a session; the previous one stops working.
 * @example
 * const clientSecret = mintSecret(ctx, record.session.id, record.clientSecret?.secret);
 */
export function mintSecret(
  ctx: FaceSignContext,
  sessionId: string,
  previous?: string,
): FaceSignClientSecretBody {
  if (previous) ctx.secrets.set(previous, null);
  const secret = `cs${randomHex(24)}`;
  ctx.secrets.set(secret, sessionId);
  const createdAt = ctx.now();
  return {
    secret,
    url: `${ctx.appOrigin}/?cs=${secret}`,
    createdAt,
    expireAt: createdAt + ctx.secretTtlMs(),
  };
}

/**
 * Moves a session to `status`, stamps `startedAt`/`finishedAt` and rings the webhook doorbell.
 * @example
 * setStatus(ctx, record, "inProgress");
 */
export function setStatus(
  ctx: FaceSignContext,
  record: FaceSignRecord,
  status: FaceSignVendorStatus,
): void {
  if (record.session.status === status) return;
  record.session.status = status;
  if (status === "inProgress") record.session.startedAt = ctx.now();
  if (status === "complete" || status === "incomplete") record.session.finishedAt = ctx.now();
  sendStatusWebhook(ctx, record.session.id, status);
}

/** True once a session reached `complete` or `incomplete` (one-time: it cannot be reopened). */
export function isFinished(record: FaceSignRecord): boolean {
  return record.session.status === "complete" || record.session.status === "incomplete";
}
