import { FaceKitError } from "@facekit/core/protocol";
import * as v from "valibot";
import { readJsonBytes } from "../internal/readJsonBody.ts";
import { jsonResponse } from "../internal/responses.ts";
import type { FaceSignStatusCache } from "./createFaceSignStatusCache.ts";
import type { ResolvedFaceSign } from "./resolveFaceSign.ts";

/** Largest webhook body accepted, in bytes. */
const maxWebhookBytes = 64 * 1024;

const eventSchema = v.looseObject({
  id: v.string(),
  type: v.string(),
  createdAt: v.number(),
  sessionId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
});

const unauthorized = () =>
  new FaceKitError("unauthorized", "Missing or invalid X-FaceSign-Signature.");

/** Lowercase or uppercase hex of a SHA-256 MAC (64 digits) as bytes, else null. */
function fromHex(value: string | null): Uint8Array<ArrayBuffer> | null {
  const hex = value?.trim() ?? "";
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

/**
 * True when `signature` is the HMAC-SHA256 (hex) of `raw` under `secret`. `crypto.subtle.verify`
 * compares the MACs itself, without the early exit of a string compare.
 * @example
 * await verifyFaceSignSignature(raw, request.headers.get("x-facesign-signature"), secret);
 */
async function verifyFaceSignSignature(
  raw: Uint8Array<ArrayBuffer>,
  signature: string | null,
  secret: string,
): Promise<boolean> {
  const mac = fromHex(signature);
  if (!mac) return false;
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify("HMAC", key, mac, raw);
}

/**
 * `POST …/facesign/webhook`, called by FaceSign (never `authorize`d: the signature is the proof).
 * Reads the raw JSON body (at most 64 KB), checks `X-FaceSign-Signature`, then, for
 * `session.status` (a doorbell without the status), reads the session from FaceSign into the
 * status cache. Answers 200 `{received: true}`; other event types are acknowledged unread.
 * @example
 * return handleFaceSignWebhook(request, { facesign, statuses });
 */
export async function handleFaceSignWebhook(
  request: Request,
  { facesign, statuses }: { facesign: ResolvedFaceSign; statuses: FaceSignStatusCache },
): Promise<Response> {
  const secret = facesign.webhookSecret;
  if (secret === undefined) {
    throw new FaceKitError(
      "not_found",
      "FaceSign webhooks are not configured: set facesign.webhookSecret in createFaceKitHandler.",
    );
  }
  const raw = new Uint8Array(await readJsonBytes(request, maxWebhookBytes));
  const signature = request.headers.get("x-facesign-signature");
  if (!(await verifyFaceSignSignature(raw, signature, secret))) throw unauthorized();
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch (cause) {
    throw new FaceKitError("bad_request", "The webhook body is not valid JSON.", { cause });
  }
  const event = v.safeParse(eventSchema, json);
  if (!event.success) {
    throw new FaceKitError("bad_request", "The webhook body is not a FaceSign event.", {
      cause: new v.ValiError(event.issues),
    });
  }
  const { type, sessionId } = event.output;
  if (type === "session.status" && sessionId !== undefined) {
    try {
      const known = await facesign.client.getSession(sessionId);
      statuses.put(known);
      await facesign.reportEnd(known.session, request);
    } catch (error) {
      // A session FaceSign itself no longer knows: nothing to update, and retrying cannot help.
      if (!(error instanceof FaceKitError && error.code === "session_invalid")) throw error;
    }
  }
  return jsonResponse({ received: true });
}
