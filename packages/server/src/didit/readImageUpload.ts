import { FaceKitError, sniffImageType } from "@facekit/core/protocol";
import { type ReadPace, readCapped } from "../internal/readJsonBody.ts";
import { type ImageLimits, judgeImage } from "./judgeImage.ts";

/** Room for the multipart framing (boundaries, part headers) around the files. */
const framingBytes = 16 * 1024;

const tooLarge = (max: number) =>
  new FaceKitError("image_too_large", `Each image may be at most ${max} bytes.`);

/**
 * The form of an upload with at most `files` images of `maxBytes` each: `multipart/form-data`
 * only, refused by `content-length` before reading and while reading past the limit
 * (`image_too_large`), so a huge upload never fills memory; and within `pace` (else 408
 * `bad_request`, the body cancelled), so a slow one never holds the request long.
 * @example
 * const form = await readImageForm(request, 2, grant.max, pace);
 */
export async function readImageForm(
  request: Request,
  files: number,
  maxBytes: number,
  pace: ReadPace,
): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new FaceKitError("bad_request", "Send the images as multipart/form-data.");
  }
  const bytes = await readCapped(
    request,
    files * maxBytes + framingBytes,
    () => tooLarge(maxBytes),
    pace,
  );
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch (cause) {
    throw new FaceKitError("bad_request", "The upload is not a readable multipart form.", {
      cause,
    });
  }
}

/**
 * The image in `value` (a form file, or bytes your backend holds), checked before any paid call:
 * present, not empty, at most `maxBytes`, and a JPEG, PNG, WebP or TIFF by its first bytes (the
 * name and declared type are ignored), then judged whole by {@link judgeImage}: header of the same
 * type, width and height within `limits`, not truncated. Returns it typed by its bytes.
 * @example
 * const selfie = await checkImage(form.get("selfie"), "selfie", grant.max, limits);
 */
export async function checkImage(
  value: unknown,
  name: string,
  maxBytes: number,
  limits: ImageLimits,
): Promise<Blob> {
  const blob = value instanceof Uint8Array ? new Blob([value.slice()]) : value;
  if (!(blob instanceof Blob)) {
    throw new FaceKitError("invalid_image", `The ${name} photo is missing.`);
  }
  if (blob.size === 0) throw new FaceKitError("invalid_image", `The ${name} photo is empty.`);
  if (blob.size > maxBytes) throw tooLarge(maxBytes);
  const type = sniffImageType(new Uint8Array(await blob.slice(0, 12).arrayBuffer()));
  if (!type) {
    throw new FaceKitError(
      "invalid_image",
      `The ${name} photo is not a JPEG, PNG, WebP or TIFF image.`,
    );
  }
  judgeImage(new Uint8Array(await blob.arrayBuffer()), type, name, limits);
  return blob.slice(0, blob.size, type);
}
