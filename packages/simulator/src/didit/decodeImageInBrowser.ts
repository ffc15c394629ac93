/**
 * The Didit simulator's image decoder in a browser (Vitest browser mode, the static Storybook's
 * service worker), where `decodeImage.ts` cannot run: pngjs needs Node's zlib and streams, the
 * WebP codec reads its WebAssembly from disk. The package's `#decodeImage` import picks this file
 * under the `browser` condition. Same contract, the browser's own decoders: TIFF, which browsers
 * do not decode, answers `null` (an undecodable image), and JPEG pixels may differ from Node's
 * decoder by a level or two, so scores can differ slightly from Node's (same verdicts).
 */
import { sniffImageType } from "@facekit/core/protocol";
import type { RgbaImage } from "./resizeArea.ts";

/** Decoded images larger than this are refused, as by the simulator's Node decoder. */
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
