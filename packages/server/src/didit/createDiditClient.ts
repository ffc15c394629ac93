import { type diditImageTypes, FaceKitError, sniffImageType } from "@facekit/core/protocol";
import { callVendorJson } from "../internal/callVendorJson.ts";
import { type MultipartField, multipartBody } from "../internal/multipartBody.ts";
import { parseCompareBody } from "./diditSchemas.ts";
import { toDiditError } from "./toDiditError.ts";
import type { DiditClient, DiditClientOptions, DiditCompareInput } from "./types.ts";

function misconfigured(message: string): FaceKitError {
  return new FaceKitError("misconfigured", `createDiditClient: ${message}`);
}

/** Didit's `face_match_score_decline_threshold`: an integer 0-100. */
export const isThreshold = (t: unknown): t is number =>
  Number.isInteger(t) && (t as number) >= 0 && (t as number) <= 100;

/** File names by type: Didit checks the extension, so it must match the bytes. */
const extensions: Record<(typeof diditImageTypes)[number], string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/tiff": "tiff",
};

/** The image as a named form file, typed from its bytes (never from what a caller claimed). */
async function imageField(name: string, image: Blob | Uint8Array, what: string) {
  const bytes = image instanceof Uint8Array ? image : new Uint8Array(await image.arrayBuffer());
  const type = sniffImageType(bytes.subarray(0, 12));
  if (!type) {
    throw new FaceKitError("invalid_image", `The ${what} is not a JPEG, PNG, WebP or TIFF image.`);
  }
  return { name, filename: `${what}.${extensions[type]}`, type, bytes };
}

/**
 * A typed client of Didit's standalone face comparison, FaceKit's selfie compare (server-side
 * only: it holds your API key).
 * Every failure is a `FaceKitError` (see `toDiditError`); timeouts and network loss are
 * `vendor_unavailable`. Nothing is retried: each 200 spends a credit and Didit takes no
 * idempotency key, so a retry could bill twice.
 * @example
 * const didit = createDiditClient({ apiKey: process.env.DIDIT_API_KEY! });
 * const body = await didit.compare({ userImage: selfie, refImage: idPhoto, threshold: 40 });
 * body.face_match.status; // "Approved" | "Declined"
 */
export function createDiditClient(options: DiditClientOptions): DiditClient {
  if (typeof options?.apiKey !== "string" || options.apiKey.trim() === "") {
    throw misconfigured(
      "apiKey is empty. Pass your Didit API key, e.g. process.env.DIDIT_API_KEY.",
    );
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw misconfigured("timeoutMs must be a positive number.");
  }
  const baseUrl = (options.baseUrl ?? "https://verification.didit.me").replace(/\/+$/, "");
  if (!URL.canParse(baseUrl)) throw misconfigured(`baseUrl "${baseUrl}" is not an absolute URL.`);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const call = (label: string, path: string, fields?: MultipartField[]) =>
    callVendorJson({
      vendor: "Didit",
      label,
      url: new URL(`${baseUrl}${path}`),
      method: fields ? "POST" : "GET",
      headers: { "x-api-key": options.apiKey },
      multipart: fields && multipartBody(fields),
      timeoutMs,
      // Called unbound: some runtimes throw "Illegal invocation" for a detached global fetch.
      fetch: (input, init) => fetchImpl(input, init),
      toError: toDiditError,
    });

  return {
    async compare(input: DiditCompareInput) {
      const { threshold, rotateImage, saveApiRequest, vendorData, metadata } = input;
      if (threshold !== undefined && !isThreshold(threshold)) {
        throw misconfigured(`threshold must be a whole number from 0 to 100; got ${threshold}.`);
      }
      const optional = {
        face_match_score_decline_threshold: threshold,
        rotate_image: rotateImage,
        save_api_request: saveApiRequest,
        vendor_data: vendorData,
        metadata: metadata === undefined ? undefined : JSON.stringify(metadata),
      };
      const fields: MultipartField[] = [
        await imageField("user_image", input.userImage, "selfie"),
        await imageField("ref_image", input.refImage, "reference"),
      ];
      for (const [name, value] of Object.entries(optional)) {
        if (value !== undefined) fields.push({ name, value: `${value}` });
      }
      const { value } = await call("POST /v3/face-match/", "/v3/face-match/", fields);
      return parseCompareBody(value);
    },
    async getDecision(sessionId) {
      if (typeof sessionId !== "string" || !/^[\w-]{1,100}$/.test(sessionId)) {
        throw new FaceKitError("session_invalid", "Didit does not know this request.");
      }
      const label = "GET /v3/session/{id}/decision/";
      const { value } = await call(label, `/v3/session/${sessionId}/decision/`);
      return value as Record<string, unknown>;
    },
  };
}
