/**
 * EXIF orientation. Current browsers apply it while decoding (`imageOrientation: "from-image"`);
 * older ones did not. One tiny probe per realm tells which, so an image is never rotated twice.
 */
import { createSurface } from "./canvas.ts";

/**
 * A 36-byte APP1 Exif segment holding only IFD0 Orientation (big-endian TIFF).
 * @example
 * new Blob([jpeg.subarray(0, 2), exifSegment(6), jpeg.subarray(2)]);
 */
export function exifSegment(orientation: number): Uint8Array<ArrayBuffer> {
  // biome-ignore format: one line per part of the segment
  return new Uint8Array([
    0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0, 0, // APP1, length 34, "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, // "MM", 42, IFD0 at 8
    0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, // one SHORT entry: 0x0112
    0, 0, 0, 0, // no next IFD
  ]);
}

let probe: Promise<boolean> | undefined;

/**
 * True when `createImageBitmap(blob)` already applies EXIF orientation here. Decodes a 2x1 JPEG
 * tagged "rotate 90°" once and checks that it comes out 1x2.
 * @example
 * if (orientation > 1 && !(await decoderAppliesOrientation())) applyOrientation(ctx, ...);
 */
export function decoderAppliesOrientation(): Promise<boolean> {
  probe ??= (async () => {
    const surface = createSurface(2, 1);
    const jpeg = new Uint8Array(await (await surface.encode("image/jpeg")).arrayBuffer());
    const tagged = new Blob([jpeg.subarray(0, 2), exifSegment(6), jpeg.subarray(2)]);
    const bitmap = await createImageBitmap(tagged, { imageOrientation: "from-image" });
    const applied = bitmap.height === 2;
    bitmap.close();
    return applied;
  })().catch(() => true);
  return probe;
}

/** Oriented size: orientations 5-8 swap width and height. */
export function orientedSize(o: number, width: number, height: number): [number, number] {
  return o >= 5 ? [height, width] : [width, height];
}

/**
 * Sets up `ctx` so that drawing the raw `width` x `height` image at (0, 0) lands upright.
 * @example
 * applyOrientation(ctx, 6, bitmap.width, bitmap.height); ctx.drawImage(bitmap, 0, 0);
 */
export function applyOrientation(
  ctx: { transform(a: number, b: number, c: number, d: number, e: number, f: number): void },
  o: number,
  width: number,
  height: number,
): void {
  const w = width;
  const h = height;
  const matrices: Record<number, [number, number, number, number, number, number]> = {
    2: [-1, 0, 0, 1, w, 0],
    3: [-1, 0, 0, -1, w, h],
    4: [1, 0, 0, -1, 0, h],
    5: [0, 1, 1, 0, 0, 0],
    6: [0, 1, -1, 0, h, 0],
    7: [0, -1, -1, 0, h, w],
    8: [0, -1, 1, 0, 0, w],
  };
  const m = matrices[o];
  if (m) ctx.transform(...m);
}
