import type { FaceSignWebhookBody } from "@facekit/core/protocol";
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

async function deliver(ctx: FaceSignContext, url: string, sessionId: string): Promise<void> {
  const body: FaceSignWebhookBody = {
    id: `evt_${crypto.randomUUID().replaceAll("-", "")}`,
    type: "session.status",
    createdAt: ctx.now(),
    sessionId,
  };
  const raw = JSON.stringify(body);
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
 * Fire-and-forget `session.status` doorbell (the new status is not in the body: the receiver
 * refetches the session). Never blocks or throws into the request that changed the status.
 * @example
 * sendStatusWebhook(ctx, session.id);
 */
export function sendStatusWebhook(ctx: FaceSignContext, sessionId: string): void {
  const url = ctx.options.webhookUrl;
  if (!url) return;
  deliver(ctx, url, sessionId).catch((error: unknown) => {
    console.warn("[facekit simulator] facesign webhook delivery failed", error);
  });
}
