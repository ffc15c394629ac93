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
import type { UploadSlot } from "./createUploadGate.ts";
import { identicalPhotos, isCopy, sameFile } from "./identicalPhotos.ts";
import { checkImage, type JudgedImage, readImageParts, uploadBytes } from "./readImageUpload.ts";
import type { ResolvedDidit } from "./resolveDidit.ts";
import { type GrantClaims, invalidGrant, signGrant, verifyGrant } from "./uploadGrant.ts";

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
 * (signature, expiry, account), a `content-length` within the grant's size, room for the body in
 * this process's upload gate (`maxUploadBytesInFlight`: nothing of the body is read before, 503
 * `vendor_unavailable` past `uploadQueueTimeoutMs`; freed at Didit's answer, or however the
 * upload ends), the grant spent in the store (so it cannot be replayed on any instance),
 * the account's quota (one upload at a time, `maxComparesPerHour`, also in the store), the body
 * parsed as it streams in, bounded by size and read within `uploadTimeoutMs` and
 * `minUploadBytesPerSecond` (408, the body cancelled and its room in the gate freed), each image's
 * size, real type, pixel size and whole structure (`judgeImage`) as soon as its part ends, and
 * the same file sent twice refused. Then Didit compares with the server's settings
 * (`vendor_data` = the account id); an uploaded reference of the selfie's pixel size scoring
 * 99 (`copyScore`) or more is a copy of the same photo and refused (decision 0012); otherwise
 * `onResult` keeps the whole answer, and the browser gets {@link toSelfieCompareResult}.
 * @example
 * return handleDiditCompare(request, context);
 */
export async function handleDiditCompare(
  request: Request,
  { didit, key, auth }: DiditRouteContext,
): Promise<Response> {
  const grant = await verifyGrant(key, request.headers.get(grantHeader));
  if (grant.sub !== auth.accountId) throw invalidGrant();
  // Before the grant is spent: an upload that finds no room in time may try again with it.
  const size = uploadBytes(request, grant.ref === "upload" ? 2 : 1, grant.max);
  const slot = await didit.uploadGate.enter(size, request.signal);
  try {
    return await compareInSlot(request, grant, didit, auth, slot);
  } finally {
    slot.release(); // however the upload ended (usually done already, at Didit's answer)
  }
}

/** The compare once this upload has its room: grant spent, quota, body read, Didit's answer. */
async function compareInSlot(
  request: Request,
  grant: GrantClaims,
  didit: ResolvedDidit,
  auth: AuthorizeResult,
  slot: UploadSlot,
): Promise<Response> {
  if (!(await didit.consumeGrant(grant.jti, grant.exp * 1000))) {
    throw new FaceKitError(
      "session_invalid",
      "This upload grant was already used: ask for a new one.",
    );
  }
  const ticket = await didit.quota.enter(auth.accountId);
  try {
    const upload = grant.ref === "upload";
    const { selfie, reference } = await readImages(
      request,
      upload,
      grant.max,
      didit,
      auth,
      slot.memory,
    );
    if (upload && sameFile(selfie, reference)) throw identicalPhotos("the same file");
    // The person cancelled while we read: do not pay for an answer nobody waits for.
    if (request.signal?.aborted) throw new FaceKitError("bad_request", "The upload was cancelled.");
    await ticket.spend();
    const body = await didit.client.compare({
      userImage: selfie.bytes,
      refImage: reference.bytes,
      threshold: didit.threshold,
      rotateImage: didit.rotateImage,
      saveApiRequest: didit.saveApiRequest,
      vendorData: auth.accountId,
    });
    // Didit read the images to answer: their memory goes to the next upload, not held during onResult.
    slot.release();
    // Paid for, but only a copy scores this high: not two photos of a person (decision 0012).
    if (upload && isCopy(selfie, reference, body.face_match.score)) {
      throw identicalPhotos(`Didit scored them ${body.face_match.score}`);
    }
    const result = toSelfieCompareResult(body);
    const event = { accountId: auth.accountId, reference: grant.ref, result, body };
    await didit.onResult?.(event, request);
    return jsonResponse(result);
  } finally {
    await ticket.done();
  }
}

/** The selfie (and the uploaded reference) as they stream in, or the reference your backend holds. */
async function readImages(
  request: Request,
  upload: boolean,
  maxBytes: number,
  didit: ResolvedDidit,
  auth: AuthorizeResult,
  memory: Uint8Array,
): Promise<{ selfie: JudgedImage; reference: JudgedImage }> {
  const { uploadPace: pace, imageLimits: limits } = didit;
  if (upload) {
    return readImageParts(request, ["selfie", "reference"], maxBytes, pace, limits, memory);
  }
  const { selfie } = await readImageParts(request, ["selfie"], maxBytes, pace, limits, memory);
  return { selfie, reference: await heldReference(didit, auth.accountId, request) };
}
