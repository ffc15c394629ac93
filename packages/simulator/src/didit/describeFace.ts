import type { FaceRegion } from "./detectFaces.ts";
import { type RgbaImage, resizeArea } from "./resizeArea.ts";

/** Side of the luma grid a face is reduced to. */
const gridSide = 16;

/** A resize-robust description of one face region (see {@link describeFace}). */
export interface FaceDescriptor {
  /** Luma of the face box on a 16x16 grid, zero mean and unit length. */
  grid: Float32Array;
  /** Mean luma, Cb, Cr of the skin. */
  tone: [number, number, number];
  /** Box height / width. */
  aspect: number;
  /** Eye hole centres relative to the box. */
  eyes: [number, number, number, number];
}

/** Copies the pixels of a box (clamped to the image). */
function crop(img: RgbaImage, [x0, y0, x1, y1]: number[]): RgbaImage {
  const left = Math.max(0, Math.min(img.width - 1, Math.round(x0 ?? 0)));
  const top = Math.max(0, Math.min(img.height - 1, Math.round(y0 ?? 0)));
  const width = Math.max(1, Math.min(img.width, Math.round(x1 ?? 0)) - left);
  const height = Math.max(1, Math.min(img.height, Math.round(y1 ?? 0)) - top);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * img.width + left) * 4;
    data.set(img.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

/**
 * Describes a face: its box (mapped back to the full image) reduced to a normalised 16x16 luma
 * grid, plus skin tone, shape and eye positions. Scale, small shifts, brightness gain and JPEG
 * recompression change it little; another face changes it a lot.
 * @example
 * const d = describeFace(img, face, work.width / img.width);
 */
export function describeFace(img: RgbaImage, face: FaceRegion, scale: number): FaceDescriptor {
  const box = face.box.map((v) => v * scale);
  const small = resizeArea(crop(img, box), gridSide, gridSide);
  const grid = new Float32Array(gridSide * gridSide);
  for (let i = 0; i < grid.length; i++) {
    const [r, g, b] = [small.data[i * 4], small.data[i * 4 + 1], small.data[i * 4 + 2]];
    grid[i] = 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0);
  }
  const mean = grid.reduce((s, v) => s + v, 0) / grid.length;
  const norm = Math.sqrt(grid.reduce((s, v) => s + (v - mean) ** 2, 0)) || 1;
  for (let i = 0; i < grid.length; i++) grid[i] = ((grid[i] ?? 0) - mean) / norm;
  const [x0, y0, x1, y1] = face.box;
  return { grid, tone: face.tone, aspect: (y1 - y0) / (x1 - x0), eyes: face.eyes };
}
