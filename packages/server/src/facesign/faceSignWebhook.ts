import { FaceKitError } from "@facekit/core/protocol";
import * as v from "valibot";
import { readJsonBytes } from "../internal/readJsonBody.ts";
import { jsonResponse } from "../internal/responses.ts";
import { faceSignEventSchema } from "./faceSignSchemas.ts";
import type { ResolvedFaceSign } from "./resolveFaceSign.ts";
import type { FaceSignState } from "./state.ts";

/** How long a handled event id is remembered (`facesign:event:<id>`), at least twice the tolerance. */
const eventTtlMs = 24 * 60 * 60_000;
/** Least time between two webhook-triggered lookups of one session in one known status. */
const refetchIntervalMs = 2_000;

/** Largest webhook body accepted, in bytes. */
const maxWebhookBytes = 64 * 1024;

/**
 * Event types that can change what FaceKit reports: the status doorbells (today's
 * `session.status`, an older SDK's `session.started`/`session.finished`) and the end of the
 * post-session deepfake analysis. Any other type is acknowledged without a FaceSign call.
 */
const statusTypes = new Set(["session.status", "session.started", "session.finished"]);
const deepfakeType = "analysis.deepfake";

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
 * `session.status` (a doorbell without the status; `session.started`/`session.finished` from an
 * older SDK alike) and `analysis.deepfake` (the post-session deepfake analysis ended: the verdict
 * may change), reads the session from FaceSign into the store, so every instance reports it, and
 * hands a finished one to `onResult`. Answers 200 `{received: true}`; other event types
 * (`media.*`, `analysis.video`, `settings.*`, ...) are acknowledged without a FaceSign call. An
 * event whose `createdAt` is further than `webhookToleranceMs` from now is refused
 * (`unauthorized`); one whose `id` was already handled is acknowledged and ignored.
 * @example
 * return handleFaceSignWebhook(request, { facesign, state });
 */
export async function handleFaceSignWebhook(
  request: Request,
  { facesign, state }: { facesign: ResolvedFaceSign; state: FaceSignState },
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
  const event = v.safeParse(faceSignEventSchema, json);
  if (!event.success) {
    throw new FaceKitError("bad_request", "The webhook body is not a FaceSign event.", {
      cause: new v.ValiError(event.issues),
    });
  }
  const { id, type, createdAt, sessionId } = event.output;
  if (Math.abs(Date.now() - createdAt) > facesign.webhookToleranceMs) {
    throw new FaceKitError(
      "unauthorized",
      "This FaceSign webhook is older than facesign.webhookToleranceMs (or its createdAt is in the future): refused as a possible replay.",
    );
  }
  const relevant = statusTypes.has(type) || type === deepfakeType;
  if (!relevant || sessionId === undefined) return received();
  // Handled once: a delivery of an event id already handled is acknowledged and ignored.
  const eventKey = `facesign:event:${id}`;
  if (
    !(await state.store.add(eventKey, "1", Math.max(eventTtlMs, 2 * facesign.webhookToleranceMs)))
  ) {
    return received();
  }
  try {
    await refetch(sessionId, type === deepfakeType, { facesign, state, request });
  } catch (error) {
    // A session FaceSign itself no longer knows: nothing to update, and retrying cannot help.
    if (error instanceof FaceKitError && error.code === "session_invalid") return received();
    await state.store.delete(eventKey).catch(() => {}); // FaceSign's retry is handled, not ignored
    throw error;
  }
  return received();
}

const received = () => jsonResponse({ received: true });

/**
 * Reads the session a doorbell rang for into the store, at most once per 2 s per session and
 * known status (`facesign:refetch:<id>:<status>`): a flood of doorbells for a state we already
 * know costs one FaceSign call, while the next real transition (a new known status) is read at
 * once. A finished session with a final verdict is final: only its `onResult` may be pending. The
 * end of the deepfake analysis (`deepfake`) is always read: it is the verdict arriving.
 */
async function refetch(
  sessionId: string,
  deepfake: boolean,
  {
    facesign,
    state,
    request,
  }: { facesign: ResolvedFaceSign; state: FaceSignState; request: Request },
): Promise<void> {
  const load = () => facesign.client.getSession(sessionId);
  const known = await state.statuses.get(sessionId);
  const settled = known?.finished && known.summary?.verdict !== "pending";
  if (settled && !deepfake) {
    await state.reportEnd({ sessionId, load: async () => (await load()).session }, request);
    return;
  }
  const step = deepfake ? "deepfake" : (known?.status ?? "unknown");
  if (!(await state.store.add(`facesign:refetch:${sessionId}:${step}`, "1", refetchIntervalMs))) {
    return;
  }
  const fresh = await state.statuses.put(await load());
  if (fresh.finished && fresh.session) {
    const session = fresh.session;
    await state.reportEnd({ sessionId, session, load: async () => session }, request);
  }
}
