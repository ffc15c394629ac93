/**
 * Harness of the image pipeline (e2e/imagePipeline.spec.ts and scripts/bench-image.mjs): exposes
 * `prepareImage` and fixture builders on `window.imageHarness`. Fixtures are made here, in the
 * browser, with canvas; nothing is read from disk.
 */
import { type PrepareImageOptions, prepareImage } from "@facekit/core";

/** Red, green, blue (0-255). */
export type Rgb = [number, number, number];

/** What a test gets back from one run: plain data, so it crosses `page.evaluate`. */
export type RunSummary =
  | {
      ok: true;
      via: string;
      width: number;
      height: number;
      bytes: number;
      type: string;
      sniffed: string;
      originalBytes: number;
      durationMs: number;
      /** The result decoded again, to check it really is a JPEG of that size. */
      decoded: { width: number; height: number; head: number[] };
      /** RGB at a few points of the result, as fractions of its width and height. */
      pixels: Record<"top" | "bottom" | "left" | "right" | "centre" | "corner", Rgb>;
    }
  | { ok: false; name: string; code?: string; message: string };

type Prepare = (file: Blob, options?: PrepareImageOptions) => ReturnType<typeof prepareImage>;

/** A `width` x `height` JPEG painted by `paint`. */
async function makeJpeg(
  width: number,
  height: number,
  quality: number,
  paint: "halves" | "noise",
): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2d context");
  if (paint === "halves") {
    // Left half red, right half blue: orientation mistakes show as colours in the wrong place.
    ctx.fillStyle = "#f00";
    ctx.fillRect(0, 0, width / 2, height);
    ctx.fillStyle = "#00f";
    ctx.fillRect(width / 2, 0, width / 2, height);
  } else {
    paintNoise(ctx, width, height);
  }
  return canvas.convertToBlob({ type: "image/jpeg", quality });
}

/** Gradients with grain: compresses like a detailed photo (a 12 MP one lands near 5 MB). */
function paintNoise(ctx: OffscreenCanvasRenderingContext2D, width: number, height: number) {
  const image = ctx.createImageData(width, height);
  const d = image.data;
  let seed = 42;
  const rand = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const grain = (rand() - 0.5) * 70;
      d[i] = (x / width) * 255 + grain;
      d[i + 1] = (y / height) * 255 + grain;
      d[i + 2] = 128 + 100 * Math.sin(x / 37 + y / 53) + grain;
      d[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
}

/** `jpeg` with an APP1 Exif segment (only IFD0 Orientation) spliced in after SOI. */
async function withOrientation(jpeg: Blob, orientation: number): Promise<Blob> {
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]; // little-endian this time ("II")
  const ifd = [1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff, ...ifd];
  const length = payload.length + 2;
  const app1 = new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
  return new Blob([bytes.subarray(0, 2), app1, bytes.subarray(2)], { type: "image/jpeg" });
}

/** A transparent-cornered PNG, `width` x `height`. */
async function makePng(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2d context");
  ctx.fillStyle = "#0a0";
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.convertToBlob({ type: "image/png" });
}

async function summarize(run: Promise<Awaited<ReturnType<Prepare>>>): Promise<RunSummary> {
  try {
    const r = await run;
    const bitmap = await createImageBitmap(r.blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context");
    ctx.drawImage(bitmap, 0, 0);
    const at = (fx: number, fy: number) => {
      const [red = 0, green = 0, blue = 0] = ctx.getImageData(
        Math.floor(fx * bitmap.width),
        Math.floor(fy * bitmap.height),
        1,
        1,
      ).data;
      return [red, green, blue] as Rgb;
    };
    const head = [...new Uint8Array(await r.blob.slice(0, 3).arrayBuffer())];
    return {
      ok: true,
      via: r.via,
      width: r.width,
      height: r.height,
      bytes: r.blob.size,
      type: r.type,
      sniffed: r.originalType,
      originalBytes: r.originalBytes,
      durationMs: r.durationMs,
      decoded: { width: bitmap.width, height: bitmap.height, head },
      pixels: {
        top: at(0.5, 0.1),
        bottom: at(0.5, 0.9),
        left: at(0.1, 0.5),
        right: at(0.9, 0.5),
        centre: at(0.5, 0.5),
        corner: at(0, 0),
      },
    };
  } catch (e) {
    // Duck-typed, so errors of the built package (another FaceKitError class) count too.
    const error = e as Error & { code?: string };
    return { ok: false, name: error.name, code: error.code, message: error.message };
  }
}

const harness = { prepareImage, makeJpeg, makePng, withOrientation, summarize };
export type ImageHarness = typeof harness;
declare global {
  interface Window {
    imageHarness: ImageHarness;
  }
}
window.imageHarness = harness;
const status = document.getElementById("image-status");
if (status) status.textContent = "ready";
