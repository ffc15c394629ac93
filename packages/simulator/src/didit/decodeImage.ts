import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { sniffImageType } from "@facekit/core/protocol";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import UTIF from "utif2";
import type { RgbaImage } from "./resizeArea.ts";

/** Decoded images larger than this are refused (a decompression bomb guard). */
const maxPixels = 40_000_000;

let webpReady: Promise<(bytes: ArrayBuffer) => Promise<ImageData>> | undefined;

/** Loads the WebP decoder (WebAssembly) on first use only: nothing happens at import time. */
function webpDecoder(): Promise<(bytes: ArrayBuffer) => Promise<ImageData>> {
  webpReady ??= (async () => {
    const codec = await import("@jsquash/webp/decode.js");
    const wasmPath = createRequire(import.meta.url).resolve(
      "@jsquash/webp/codec/dec/webp_dec.wasm",
    );
    const init = codec.init as unknown as (module: WebAssembly.Module) => Promise<void>;
    await init(await WebAssembly.compile(await readFile(wasmPath)));
    return codec.default;
  })();
  return webpReady;
}

function decodeTiff(bytes: Uint8Array): RgbaImage {
  const buffer = bytes.slice().buffer;
  const [ifd] = UTIF.decode(buffer);
  if (!ifd) throw new Error("TIFF without an image");
  UTIF.decodeImage(buffer, ifd);
  const { width, height } = ifd as unknown as { width: number; height: number };
  return { width, height, data: UTIF.toRGBA8(ifd) };
}

function decodePng(bytes: Uint8Array): RgbaImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(16) * view.getUint32(20) > maxPixels) throw new Error("PNG too large");
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: png.data };
}

/** Paints transparent pixels onto white, as a viewer would show them. */
function flatten(img: RgbaImage): RgbaImage {
  const data = new Uint8Array(img.data);
  for (let i = 0; i < data.length; i += 4) {
    const a = (data[i + 3] ?? 255) / 255;
    for (let k = 0; k < 3; k++) data[i + k] = Math.round((data[i + k] ?? 0) * a + 255 * (1 - a));
    data[i + 3] = 255;
  }
  return { width: img.width, height: img.height, data };
}

/**
 * Decodes JPEG, PNG, TIFF or WebP bytes (type sniffed from the content, not the file name) to
 * RGBA. Answers `null` for anything that is not a decodable image of those types.
 * @example
 * const img = await decodeImage(new Uint8Array(await file.arrayBuffer()));
 * if (!img) return fieldError("user_image", "Upload a valid image.");
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage | null> {
  try {
    const type = sniffImageType(bytes.subarray(0, 12));
    let img: RgbaImage;
    if (type === "image/jpeg") {
      img = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: maxPixels / 1e6 });
    } else if (type === "image/png") img = decodePng(bytes);
    else if (type === "image/tiff") img = decodeTiff(bytes);
    else if (type === "image/webp") img = await (await webpDecoder())(bytes.slice().buffer);
    else return null;
    if (!(img.width > 0 && img.height > 0) || img.width * img.height > maxPixels) return null;
    if (img.data.length < img.width * img.height * 4) return null;
    return flatten(img);
  } catch {
    return null;
  }
}
