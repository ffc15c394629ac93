import { fitWithin, type RgbaImage } from "./resizeArea.ts";

/** An image as luma and chroma planes (BT.601 full range, like JPEG), one float per pixel. */
export interface YccImage {
  width: number;
  height: number;
  y: Float32Array;
  cb: Float32Array;
  cr: Float32Array;
  /** Source pixels per pixel of this image (to map boxes back to the upload). */
  scale: number;
}

/**
 * Scales an image down to at most `maxSide` on its longest side (area averaging) and converts it
 * to YCbCr planes, the working form of the face heuristics.
 * @example
 * const work = toYcc(decoded, 192);
 */
export function toYcc(img: RgbaImage, maxSide: number): YccImage {
  const small = fitWithin(img, maxSide);
  const n = small.width * small.height;
  const y = new Float32Array(n);
  const cb = new Float32Array(n);
  const cr = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = small.data[i * 4] ?? 0;
    const g = small.data[i * 4 + 1] ?? 0;
    const b = small.data[i * 4 + 2] ?? 0;
    y[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    cb[i] = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
    cr[i] = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  }
  return { width: small.width, height: small.height, y, cb, cr, scale: img.width / small.width };
}

/**
 * Rotates an RGBA image clockwise by 90, 180 or 270 degrees (for `rotate_image`).
 * @example
 * const upright = rotate(img, 180);
 */
export function rotate(img: RgbaImage, angle: 0 | 90 | 180 | 270): RgbaImage {
  if (angle === 0) return img;
  const { width: w, height: h } = img;
  const turned = angle !== 180;
  const out = new Uint8Array(w * h * 4);
  const ow = turned ? h : w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] =
        angle === 90 ? [h - 1 - y, x] : angle === 180 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      out.set(img.data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (ny * ow + nx) * 4);
    }
  }
  return { width: ow, height: turned ? w : h, data: out };
}
