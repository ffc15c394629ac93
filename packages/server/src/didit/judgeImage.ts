import { type DiditImageType, FaceKitError } from "@facekit/core/protocol";
import { imageSize } from "image-size";

/**
 * Pixel limits of an image a face check can use. Didit publishes none (only 5 MB per file), so
 * these are FaceKit's own: see {@link defaultImageLimits}.
 */
export interface ImageLimits {
  /** Smallest width and height, in pixels. */
  minSide: number;
  /** Largest width or height, in pixels. */
  maxSide: number;
  /** Largest width x height. */
  maxPixels: number;
}

/**
 * 64 px per side at least (a face needs some pixels), 8000 px per side and 40 megapixels at
 * most (a decompression bomb costs memory wherever it is decoded).
 */
export const defaultImageLimits: ImageLimits = {
  minSide: 64,
  maxSide: 8000,
  maxPixels: 40_000_000,
};

/** image-size's name of each type Didit takes. */
const headerTypes: Record<DiditImageType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/tiff": "tiff",
};

/** Why an image is refused: the developer's message (`invalid_image`, 422). */
function refuse(name: string, problem: string, cause?: unknown): FaceKitError {
  return new FaceKitError("invalid_image", `The ${name} photo ${problem}`, { cause });
}

/**
 * Judges a whole image (already typed by its first bytes) before any paid call: its header gives
 * the same type and its width and height without decoding (image-size's buffer API), within
 * `limits`; and its structure is complete (JPEG up to its end-of-image marker after the scan,
 * PNG chunks up to `IEND`, WebP's RIFF chunks to the declared size, TIFF's first directory),
 * which refuses a truncated file and a header followed by other bytes (an HTML page, say).
 * Throws `invalid_image` naming the problem and the numbers.
 * @example
 * judgeImage(new Uint8Array(await blob.arrayBuffer()), "image/png", "selfie", defaultImageLimits);
 */
export function judgeImage(
  bytes: Uint8Array,
  type: DiditImageType,
  name: string,
  limits: ImageLimits,
): { width: number; height: number } {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch (cause) {
    throw refuse(name, `has an unreadable ${type} header (${(cause as Error).message}).`, cause);
  }
  if (size.type !== headerTypes[type]) {
    throw refuse(name, `starts like ${type} but its header reads as ${size.type ?? "unknown"}.`);
  }
  const { width, height } = size;
  if (!(width > 0 && height > 0)) {
    throw refuse(name, `header gives no size (${width}x${height}).`);
  }
  if (width < limits.minSide || height < limits.minSide) {
    throw refuse(
      name,
      `is ${width}x${height} px: too small for a face check (at least ${limits.minSide}x${limits.minSide}).`,
    );
  }
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    throw refuse(
      name,
      `claims ${width}x${height} px: over the limit of ${limits.maxSide} px per side and ${limits.maxPixels} pixels.`,
    );
  }
  let broken: string | null;
  try {
    broken = structureProblem(bytes, type);
  } catch (cause) {
    // A DataView read past the end: the file stops inside a header.
    throw refuse(name, `is truncated: it ends inside a header at byte ${bytes.length}.`, cause);
  }
  if (broken) throw refuse(name, `is ${broken}.`);
  return { width, height };
}

/** What is wrong with the file's structure, or null. Reads markers and chunk headers only. */
function structureProblem(bytes: Uint8Array, type: DiditImageType): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case "image/jpeg":
      return jpegProblem(bytes, view);
    case "image/png":
      return pngProblem(bytes, view);
    case "image/webp":
      return webpProblem(bytes, view);
    case "image/tiff":
      return tiffProblem(view);
  }
}

/**
 * JPEG: segments from SOI to the first start-of-scan (each length within the file), then an
 * end-of-image marker (FF D9) after it. Inside the scan a 0xFF byte is always followed by 00 or a
 * restart marker, so FF D9 there is the end; bytes after it are tolerated (some cameras append
 * data).
 */
function jpegProblem(bytes: Uint8Array, view: DataView): string | null {
  let at = 2;
  for (;;) {
    if (at + 4 > bytes.length) return `truncated: it ends in its header at byte ${bytes.length}`;
    if (bytes[at] !== 0xff) {
      return `not a JPEG after its header: byte ${at} is 0x${hex(bytes[at])} where a marker belongs`;
    }
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = view.getUint16(at + 2);
    if (length < 2)
      return `not a JPEG after its header: segment 0x${hex(marker)} has length ${length}`;
    at += 2 + length;
    if (marker === 0xda) break;
  }
  for (let i = bytes.length - 2; i >= at; i -= 1) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return null;
  }
  return `truncated or not image data: no end-of-image marker (FF D9) after the scan starting at byte ${at} of ${bytes.length}`;
}

/** PNG: chunks from IHDR to IEND, each a 4-letter name and a length within the file, with IDAT. */
function pngProblem(bytes: Uint8Array, view: DataView): string | null {
  let at = 8;
  let data = false;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const kind = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(kind)) {
      return `not a PNG after its header: byte ${at} holds no chunk (${JSON.stringify(kind)})`;
    }
    if (at + 12 + length > bytes.length) {
      return `truncated or not image data: chunk ${kind} at byte ${at} claims ${length} bytes, the file ends at ${bytes.length}`;
    }
    if (kind === "IDAT") data = true;
    if (kind === "IEND") return data ? null : "a PNG without image data (no IDAT chunk)";
    at += 12 + length;
  }
  return `truncated: no IEND chunk before the end at byte ${bytes.length}`;
}

/** WebP: the RIFF size covers the file, and its chunks (even-padded) fill it exactly. */
function webpProblem(bytes: Uint8Array, view: DataView): string | null {
  const end = 8 + view.getUint32(4, true);
  if (end > bytes.length) return `truncated: RIFF says ${end} bytes, the file has ${bytes.length}`;
  let at = 12;
  while (at + 8 <= end) {
    const length = view.getUint32(at + 4, true);
    at += 8 + length + (length % 2);
  }
  return at === end ? null : `not a WebP after its header: its chunks do not fill the ${end} bytes`;
}

/** TIFF: the first directory (entry count, 12-byte entries, next offset) lies within the file. */
function tiffProblem(view: DataView): string | null {
  const little = view.getUint16(0) === 0x4949;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > view.byteLength)
    return `truncated: its first directory at byte ${ifd} is past the end`;
  const end = ifd + 2 + view.getUint16(ifd, little) * 12 + 4;
  return end > view.byteLength
    ? `truncated: its first directory ends past byte ${view.byteLength}`
    : null;
}

const hex = (byte: number | undefined) => (byte ?? 0).toString(16).padStart(2, "0");
