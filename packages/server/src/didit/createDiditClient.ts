import { type diditImageTypes, FaceKitError, sniffImageType } from "@facekit/core/protocol";
import { callVendorJson } from "../internal/callVendorJson.ts";
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
async function imageFile(image: Blob, name: string): Promise<File> {
  const type = sniffImageType(new Uint8Array(await image.slice(0, 12).arrayBuffer()));
  if (!type) {
    throw new FaceKitError("invalid_image", `The ${name} is not a JPEG, PNG, WebP or TIFF image.`);
  }
  return new File([image], `${name}.${extensions[type]}`, { type });
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
  const call = (label: string, path: string, form?: FormData) =>
    callVendorJson({
      vendor: "Didit",
      label,
      url: new URL(`${baseUrl}${path}`),
      method: form ? "POST" : "GET",
      headers: { "x-api-key": options.apiKey },
      form,
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
      const form = new FormData();
      form.append("user_image", await imageFile(input.userImage, "selfie"));
      form.append("ref_image", await imageFile(input.refImage, "reference"));
      if (threshold !== undefined)
        form.append("face_match_score_decline_threshold", `${threshold}`);
      if (rotateImage !== undefined) form.append("rotate_image", `${rotateImage}`);
      if (saveApiRequest !== undefined) form.append("save_api_request", `${saveApiRequest}`);
      if (vendorData !== undefined) form.append("vendor_data", vendorData);
      if (metadata !== undefined) form.append("metadata", JSON.stringify(metadata));
      const { value } = await call("POST /v3/face-match/", "/v3/face-match/", form);
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
