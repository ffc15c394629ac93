import { FaceKitError, sniffImageType } from "@facekit/core/protocol";
import {
  getMultipartBoundary,
  MaxFileSizeExceededError,
  MaxTotalSizeExceededError,
  MultipartParseError,
  MultipartParser,
} from "@remix-run/multipart-parser";
import { type ReadPace, readChunks } from "../internal/readJsonBody.ts";
import { type ImageLimits, judgeImage } from "./judgeImage.ts";

/** Room for the multipart framing (boundaries, part headers, a few small fields) around the files. */
const framingBytes = 16 * 1024;

const tooLarge = (max: number) =>
  new FaceKitError("image_too_large", `Each image may be at most ${max} bytes.`);

/** An image that passed every check before a paid call: its one copy of bytes, and its pixel size. */
export interface JudgedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * Reads the images `names` of a `multipart/form-data` upload as the body streams in (a
 * streaming parser on Web streams, so edge runtimes too), each at most `maxBytes`:
 * `content-length` over the limit is refused before reading, a part going past it while it arrives
 * (`image_too_large`, the body cancelled), and the body must keep `pace` (else 408 `bad_request`).
 * Each image is judged ({@link judgeBytes}) as soon as its part ends, before the next is read, and
 * kept once (its chunks joined into `take(size)`, the upload slot's memory, and sent to Didit from
 * there); other fields are ignored, and only the first part of
 * each name counts.
 * @example
 * const { selfie, reference } = await readImageParts(request, ["selfie", "reference"], max, pace, limits, slot.take);
 */
export async function readImageParts<const N extends string>(
  request: Request,
  names: readonly N[],
  maxBytes: number,
  pace: ReadPace,
  limits: ImageLimits,
  take: (size: number) => Uint8Array,
): Promise<Record<N, JudgedImage>> {
  const type = request.headers.get("content-type") ?? "";
  const boundary = /^multipart\/form-data\s*;/i.test(type) ? getMultipartBoundary(type) : null;
  if (!boundary) throw new FaceKitError("bad_request", "Send the images as multipart/form-data.");
  const limit = names.length * maxBytes + framingBytes;
  const parser = new MultipartParser(boundary, {
    maxFileSize: maxBytes,
    maxTotalSize: limit,
    maxParts: names.length + 8,
  });
  const images: Partial<Record<N, JudgedImage>> = {};
  try {
    for await (const chunk of readChunks(request, limit, () => tooLarge(maxBytes), pace)) {
      for (const part of parser.write(chunk)) {
        const name = part.name as N;
        if (!names.includes(name) || images[name]) continue;
        images[name] = judgePart(part.content, name, maxBytes, limits, take);
      }
    }
    parser.finish();
  } catch (cause) {
    if (cause instanceof MaxFileSizeExceededError || cause instanceof MaxTotalSizeExceededError) {
      throw tooLarge(maxBytes);
    }
    if (!(cause instanceof MultipartParseError)) throw cause;
    throw new FaceKitError("bad_request", "The upload is not a readable multipart form.", {
      cause,
    });
  }
  for (const name of names) {
    if (!images[name]) throw new FaceKitError("invalid_image", `The ${name} photo is missing.`);
  }
  return images as Record<N, JudgedImage>;
}

/** One part's chunks joined once into `take`'s memory, judged, and kept as the one copy of the image. */
function judgePart(
  chunks: Uint8Array[],
  name: string,
  maxBytes: number,
  limits: ImageLimits,
  take: (size: number) => Uint8Array,
): JudgedImage {
  const size = chunks.reduce((total, chunk) => total + chunk.byteLength, 0);
  if (size > maxBytes) throw tooLarge(maxBytes);
  const bytes = take(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // The parser's part still points at its chunks: let them go now, not when the part does.
  chunks.length = 0;
  return { bytes, ...judgeBytes(bytes, name, maxBytes, limits) };
}

/**
 * The image your backend holds for the account (a Blob or bytes), checked like an upload.
 * @example
 * const reference = await checkImage(await getReferenceImage(accountId), "reference", max, limits);
 */
export async function checkImage(
  value: unknown,
  name: string,
  maxBytes: number,
  limits: ImageLimits,
): Promise<JudgedImage> {
  if (!(value instanceof Uint8Array || value instanceof Blob)) {
    throw new FaceKitError("invalid_image", `The ${name} photo is missing.`);
  }
  const size = value instanceof Blob ? value.size : value.byteLength;
  if (size > maxBytes) throw tooLarge(maxBytes);
  // A copy: your backend may reuse or change its array while Didit's request streams.
  const bytes = value instanceof Blob ? new Uint8Array(await value.arrayBuffer()) : value.slice();
  return { bytes, ...judgeBytes(bytes, name, maxBytes, limits) };
}

/**
 * Judges one whole image before any paid call: not empty, at most `maxBytes`, a JPEG, PNG, WebP or
 * TIFF by its first bytes (the name and declared type are ignored), then {@link judgeImage}:
 * header of the same type, width and height within `limits`, not truncated. Returns its pixel size.
 */
function judgeBytes(bytes: Uint8Array, name: string, maxBytes: number, limits: ImageLimits) {
  if (bytes.byteLength === 0) {
    throw new FaceKitError("invalid_image", `The ${name} photo is empty.`);
  }
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  const type = sniffImageType(bytes.subarray(0, 12));
  if (!type) {
    throw new FaceKitError(
      "invalid_image",
      `The ${name} photo is not a JPEG, PNG, WebP or TIFF image.`,
    );
  }
  return judgeImage(bytes, type, name, limits);
}
