import {
  diditImageTypes,
  FaceKitError,
  grantHeader,
  type SelfieCompareGrant,
  toSelfieCompareResult,
} from "@facekit/core/protocol";
import * as v from "valibot";
import { readJsonBody } from "../internal/readJsonBody.ts";
import { jsonResponse } from "../internal/responses.ts";
import type { AuthorizeResult } from "../types.ts";
import { checkImage, readImageForm } from "./readImageUpload.ts";
import type { ResolvedDidit } from "./resolveDidit.ts";
import { invalidGrant, signGrant, verifyGrant } from "./uploadGrant.ts";

/** What a Didit route needs once the request is routed and authorized. */
export interface DiditRouteContext {
  didit: ResolvedDidit;
  /** HMAC key of upload grants (the server's `secret`). */
  key: Uint8Array;
  auth: AuthorizeResult;
}

/**
 * `POST …/didit/grant`: a signed, single-use permission for one upload by the authorized
 * account, valid `grantTtlMs`, carrying the limits and who provides the reference photo.
 * @example
 * return handleDiditGrant(request, context);
 */
export async function handleDiditGrant(
  request: Request,
  { didit, key, auth }: DiditRouteContext,
): Promise<Response> {
  await readJsonBody(request, v.object({}));
  await didit.quota.check(auth.accountId);
  const reference = didit.getReferenceImage ? "server" : "upload";
  // Said now, not after an upload: this account has no photo to compare with.
  if (reference === "server") await heldReference(didit, auth.accountId, request);
  const expiresAt = Date.now() + didit.grantTtlMs;
  const token = await signGrant(key, {
    jti: crypto.randomUUID(),
    sub: auth.accountId,
    exp: Math.floor(expiresAt / 1000),
    max: didit.maxImageBytes,
    ref: reference,
  });
  const body: SelfieCompareGrant = {
    token,
    expiresAt: Math.floor(expiresAt / 1000) * 1000,
    maxBytes: didit.maxImageBytes,
    types: [...diditImageTypes],
    reference,
  };
  return jsonResponse(body);
}

/** The reference photo your backend holds for the account, checked like an upload. */
async function heldReference(didit: ResolvedDidit, accountId: string, request: Request) {
  const held = await didit.getReferenceImage?.(accountId, request);
  if (held === null || held === undefined) {
    throw new FaceKitError("account_not_found", "There is no reference photo for this account.");
  }
  try {
    return await checkImage(held, "reference", didit.maxImageBytes, didit.imageLimits);
  } catch (cause) {
    throw new FaceKitError(
      "misconfigured",
      `didit.getReferenceImage gave an unusable photo: ${(cause as Error).message}`,
      { cause },
    );
  }
}

/**
 * `POST …/didit/compare`: multipart `selfie` (+ `reference` when the grant says `upload`), with
 * the grant in the `x-facekit-grant` header. In this order, each before any paid call: the grant
 * (signature, expiry, account, then spent in the store so it cannot be replayed on any instance),
 * the account's quota (one upload at a time, `maxComparesPerHour`, also in the store), the body
 * bounded by size and read within `uploadTimeoutMs` and `minUploadBytesPerSecond` (408, the body
 * cancelled and the upload slot freed), each image's size, real type, pixel size and whole
 * structure (`judgeImage`), and two identical photos refused. Then Didit compares with the server's settings
 * (`vendor_data` = the account id), `onResult` keeps the whole answer, and the browser gets
 * {@link toSelfieCompareResult}.
 * @example
 * return handleDiditCompare(request, context);
 */
export async function handleDiditCompare(
  request: Request,
  { didit, key, auth }: DiditRouteContext,
): Promise<Response> {
  const grant = await verifyGrant(key, request.headers.get(grantHeader));
  if (grant.sub !== auth.accountId) throw invalidGrant();
  if (!(await didit.consumeGrant(grant.jti, grant.exp * 1000))) {
    throw new FaceKitError(
      "session_invalid",
      "This upload grant was already used: ask for a new one.",
    );
  }
  const ticket = await didit.quota.enter(auth.accountId);
  try {
    const upload = grant.ref === "upload";
    const form = await readImageForm(request, upload ? 2 : 1, grant.max, didit.uploadPace);
    const selfie = await checkImage(form.get("selfie"), "selfie", grant.max, didit.imageLimits);
    const reference = upload
      ? await checkImage(form.get("reference"), "reference", grant.max, didit.imageLimits)
      : await heldReference(didit, auth.accountId, request);
    if (upload && (await sameBytes(selfie, reference))) {
      throw new FaceKitError("invalid_image", "The selfie and the reference are the same photo.");
    }
    // The person cancelled while we read: do not pay for an answer nobody waits for.
    if (request.signal?.aborted) throw new FaceKitError("bad_request", "The upload was cancelled.");
    await ticket.spend();
    const body = await didit.client.compare({
      userImage: selfie,
      refImage: reference,
      threshold: didit.threshold,
      rotateImage: didit.rotateImage,
      saveApiRequest: didit.saveApiRequest,
      vendorData: auth.accountId,
    });
    const result = toSelfieCompareResult(body);
    const event = { accountId: auth.accountId, reference: grant.ref, result, body };
    await didit.onResult?.(event, request);
    return jsonResponse(result);
  } finally {
    await ticket.done();
  }
}

/** Whether two images are the very same bytes (SHA-256, WebCrypto). */
async function sameBytes(a: Blob, b: Blob): Promise<boolean> {
  if (a.size !== b.size) return false;
  const digest = async (blob: Blob) =>
    new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  return x.every((byte, i) => byte === y[i]);
}
