import type { FaceSignVendorStatus, FaceSignWebhookBody } from "@facekit/core/protocol";
import type { FaceSignContext } from "./createFaceSignContext.ts";

/** The webhook secret used unless `webhookSecret` is given. */
const defaultFaceSignWebhookSecret = "whsec_facekit_simulator";

/**
 * HMAC-SHA256 of `body` with `secret`, lowercase hex (the `X-FaceSign-Signature` value).
 * @example
 * await signFaceSignWebhook(rawBody, "whsec_facekit_simulator"); // "3f0a..."
 */
export async function signFaceSignWebhook(body: string, secret: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(body)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function deliver(ctx: FaceSignContext, url: string, event: FaceSignWebhookBody) {
  const raw = JSON.stringify(event);
  const secret = ctx.options.webhookSecret ?? defaultFaceSignWebhookSecret;
  const signature = await signFaceSignWebhook(raw, secret);
  const send = ctx.options.fetch ?? fetch;
  await send(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-facesign-signature": signature },
    body: raw,
  });
}

/**
 * Fire-and-forget webhook doorbell `{id, type, createdAt, sessionId, media?}`: the receiver
 * refetches the session. Never blocks or throws into the request that caused it.
 * @example
 * sendWebhook(ctx, session.id, "analysis.deepfake");
 */
export function sendWebhook(
  ctx: FaceSignContext,
  sessionId: string,
  type: string,
  media?: FaceSignWebhookBody["media"],
): void {
  const url = ctx.options.webhookUrl;
  if (!url) return;
  const event: FaceSignWebhookBody = {
    id: `evt_${crypto.randomUUID().replaceAll("-", "")}`,
    type,
    createdAt: ctx.now(),
    sessionId,
    ...(media && { media }),
  };
  deliver(ctx, url, event).catch((error: unknown) => {
    console.warn("[facekit simulator] facesign webhook delivery failed", error);
  });
}

/**
 * The doorbell of a status change (the new status is not in the body): `session.status`, or with
 * the `legacy` webhook scenario `session.started` (inProgress) / `session.finished` (ended).
 * @example
 * sendStatusWebhook(ctx, session.id, "complete");
 */
export function sendStatusWebhook(
  ctx: FaceSignContext,
  sessionId: string,
  status: FaceSignVendorStatus,
): void {
  if (ctx.scenario.webhookTypes === "current") {
    sendWebhook(ctx, sessionId, "session.status");
  } else if (status === "inProgress") {
    sendWebhook(ctx, sessionId, "session.started");
  } else if (status === "complete" || status === "incomplete") {
    sendWebhook(ctx, sessionId, "session.finished");
  }
}
