/**
 * The Didit simulator's image decoder for the static Storybook's service worker, where its Node
 * decoder cannot run (pngjs needs Node's zlib and streams, the WebP codec reads its WebAssembly
 * from disk). Same contract as `packages/simulator/src/didit/decodeImage.ts`, which the worker's
 * bundle swaps for this file: the browser's own decoders. TIFF, which browsers do not decode,
 * answers `null` (an undecodable image) here.
 */
import { sniffImageType } from "@facekit/core/protocol";
import type { RgbaImage } from "../../packages/simulator/src/didit/resizeArea.ts";

/** Decoded images larger than this are refused, as by the simulator's own decoder. */
const maxPixels = 40_000_000;
const decodable = new Set(["image/jpeg", "image/png", "image/webp"]);

/**
 * Decodes JPEG, PNG or WebP bytes to RGBA, transparent pixels painted onto white.
 * @example
 * const img = await decodeImage(new Uint8Array(await file.arrayBuffer()));
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage | null> {
  const type = sniffImageType(bytes.subarray(0, 12));
  if (!type || !decodable.has(type)) return null;
  try {
    const bitmap = await createImageBitmap(new Blob([bytes.slice()], { type }), {
      colorSpaceConversion: "none",
      premultiplyAlpha: "none",
    });
    const { width, height } = bitmap;
    if (!(width > 0 && height > 0) || width * height > maxPixels) return null;
    const context = new OffscreenCanvas(width, height).getContext("2d");
    if (!context) return null;
    context.fillStyle = "#fff";
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    return { width, height, data: context.getImageData(0, 0, width, height).data };
  } catch {
    return null;
  }
}
