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
export const framingBytes = 16 * 1024;

const tooLarge = (max: number) =>
  new FaceKitError("image_too_large", `Each image may be at most ${max} bytes.`);

/** An image that passed every check before a paid call: its one copy of bytes, and its pixel size. */
export interface JudgedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * The bytes to hold for an upload of `count` images of at most `maxBytes` each: its
 * `content-length`, or the most it may be when it has none. A `content-length` over that is
 * refused (`image_too_large`) before anything is read or spent.
 * @example
 * const slot = await gate.enter(uploadBytes(request, 2, maxBytes), request.signal);
 */
export function uploadBytes(request: Request, count: number, maxBytes: number): number {
  const limit = count * maxBytes + framingBytes;
  const declared = Number(request.headers.get("content-length"));
  if (!Number.isSafeInteger(declared) || declared <= 0) return limit;
  if (declared > limit) throw tooLarge(maxBytes);
  return declared;
}

/**
 * Reads the images `names` of a `multipart/form-data` upload as the body streams in (a
 * streaming parser on Web streams, so edge runtimes too), each at most `maxBytes`:
 * `content-length` over the limit is refused before reading, a part going past it while it arrives
 * (`image_too_large`, the body cancelled), and the body must keep `pace` (else 408 `bad_request`).
 * Each image is judged ({@link judgeBytes}) as soon as its part ends, before the next is read;
 * other fields are ignored, and only the first part of each name counts.
 *
 * One copy: each network chunk is copied as it arrives into `body` (memory the upload gate lends,
 * sized by {@link uploadBytes}) and the parser reads it there, so an image is a view of that memory,
 * sent to Didit as it is, and the network's chunks die young (V8 frees them at its next minor
 * collection, as a streaming proxy's are). A part the parser had to piece together (a part header
 * split across two chunks: rare) is copied once more.
 * @example
 * const { selfie, reference } = await readImageParts(request, ["selfie", "reference"], max, pace, limits, slot.memory);
 */
export async function readImageParts<const N extends string>(
  request: Request,
  names: readonly N[],
  maxBytes: number,
  pace: ReadPace,
  limits: ImageLimits,
  body: Uint8Array,
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
  // readChunks refuses a declared length over the limit before reading, and stops at the limit.
  let read = 0;
  try {
    for await (const chunk of readChunks(request, limit, () => tooLarge(maxBytes), pace)) {
      if (read + chunk.byteLength > body.byteLength) {
        throw new FaceKitError("bad_request", "The upload is longer than its content-length.");
      }
      body.set(chunk, read);
      const held = body.subarray(read, read + chunk.byteLength);
      read += chunk.byteLength;
      for (const part of parser.write(held)) {
        const name = part.name as N;
        if (!names.includes(name) || images[name]) continue;
        images[name] = judgePart(part.content, body, name, maxBytes, limits);
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

/**
 * One part, judged and kept: a view of `body` when its chunks lie there end to end (the usual
 * case), else its chunks joined into a new array.
 */
function judgePart(
  chunks: Uint8Array[],
  body: Uint8Array,
  name: string,
  maxBytes: number,
  limits: ImageLimits,
): JudgedImage {
  const size = chunks.reduce((total, chunk) => total + chunk.byteLength, 0);
  if (size > maxBytes) throw tooLarge(maxBytes);
  const bytes = viewOf(chunks, body) ?? joined(chunks, size);
  return { bytes, ...judgeBytes(bytes, name, maxBytes, limits) };
}

/** The chunks as one view of `body`, when each starts where the one before ends; else null. */
function viewOf(chunks: Uint8Array[], body: Uint8Array): Uint8Array | null {
  const first = chunks[0];
  if (!first) return null;
  let end = first.byteOffset;
  for (const chunk of chunks) {
    if (chunk.buffer !== body.buffer || chunk.byteOffset !== end) return null;
    end += chunk.byteLength;
  }
  return new Uint8Array(body.buffer, first.byteOffset, end - first.byteOffset);
}

function joined(chunks: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
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
