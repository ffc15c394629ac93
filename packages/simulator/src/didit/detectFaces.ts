import type { YccImage } from "./toYcc.ts";

/** A face-like skin region found by {@link detectFaces}, in working-image pixels. */
export interface FaceRegion {
  /** `[x0, y0, x1, y1]`, x1/y1 exclusive. */
  box: [number, number, number, number];
  /** Pixels of the skin component. */
  area: number;
  /** 0-1: how face-like (balanced dark eye holes, oval fill). */
  confidence: number;
  /** Mean luma, Cb and Cr of the skin component. */
  tone: [number, number, number];
  /** Centres of the dark holes of the eye band, relative to the box: `[lx, ly, rx, ry]`. */
  eyes: [number, number, number, number];
}

/** The classic YCbCr skin rule (Chai & Ngan), with very dark pixels excluded. */
function isSkin(img: YccImage, i: number): boolean {
  const cb = img.cb[i] ?? 0;
  const cr = img.cr[i] ?? 0;
  return (img.y[i] ?? 0) > 50 && cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173;
}

/** 4-connected components of the skin mask: a label per pixel (0 = none) and their sizes. */
function label(img: YccImage): { labels: Int32Array; sizes: number[] } {
  const { width: w, height: h } = img;
  const labels = new Int32Array(w * h);
  const sizes = [0];
  const queue = new Int32Array(w * h);
  for (let start = 0; start < w * h; start++) {
    if (labels[start] || !isSkin(img, start)) continue;
    const id = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    labels[start] = id;
    while (head < tail) {
      const i = queue[head++] ?? 0;
      const x = i % w;
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
        if (j < 0 || j >= w * h || labels[j] || !isSkin(img, j)) continue;
        labels[j] = id;
        queue[tail++] = j;
      }
    }
    sizes.push(tail);
  }
  return { labels, sizes };
}

/** Measures one component; `null` when it does not look like a frontal face. */
function measure(img: YccImage, labels: Int32Array, id: number, area: number): FaceRegion | null {
  const { width: w } = img;
  let [x0, y0, x1, y1] = [w, img.height, 0, 0];
  const tone: [number, number, number] = [0, 0, 0];
  labels.forEach((l, i) => {
    if (l !== id) return;
    const [x, y] = [i % w, Math.floor(i / w)];
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
    tone[0] += (img.y[i] ?? 0) / area;
    tone[1] += (img.cb[i] ?? 0) / area;
    tone[2] += (img.cr[i] ?? 0) / area;
  });
  const [bw, bh] = [x1 - x0, y1 - y0];
  const fill = area / (bw * bh);
  if (bw < 10 || bh < 10 || bh / bw < 0.6 || bh / bw > 2.2 || fill < 0.4 || fill > 0.95) {
    return null;
  }
  // Holes: pixels of the eye band enclosed by the component on all four sides.
  const top = new Int32Array(bw).fill(-1);
  const bottom = new Int32Array(bw).fill(-1);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (labels[y * w + x] !== id) continue;
      if (top[x - x0] === -1) top[x - x0] = y;
      bottom[x - x0] = y;
    }
  }
  const holes = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  const mid = (x0 + x1) / 2;
  let between = 0; // holes on the centre line: a mouth or nostrils, not two eyes
  for (let y = y0 + Math.floor(bh * 0.08); y < y0 + Math.ceil(bh * 0.5); y++) {
    const row = labels.subarray(y * w + x0, y * w + x1);
    const first = row.indexOf(id);
    const last = row.lastIndexOf(id);
    for (let x = x0 + first + 1; first >= 0 && x < x0 + last; x++) {
      const i = y * w + x;
      const enclosed =
        (top[x - x0] ?? -1) >= 0 && (top[x - x0] ?? 0) < y && y < (bottom[x - x0] ?? 0);
      if (labels[i] === id || !enclosed) continue;
      if (Math.abs(x - mid) < bw * 0.08) between++;
      const side = holes[x < mid ? 0 : 1] as number[];
      side[0] = (side[0] ?? 0) + 1;
      side[1] = (side[1] ?? 0) + (x - x0) / bw;
      side[2] = (side[2] ?? 0) + (y - y0) / bh;
      side[3] = (side[3] ?? 0) + ((y - y0) / bh) ** 2;
    }
  }
  const [left, right] = holes.map(([n = 0, sx = 0, sy = 0, syy = 0]) => {
    const spread = Math.sqrt(Math.max(0, syy / n - (sy / n) ** 2));
    return { n, x: sx / n, y: sy / n, spread };
  });
  const band = (bw / 2) * bh * 0.42;
  if (!left || !right || left.n < band * 0.01 || right.n < band * 0.01) return null;
  if (between > 0.25 * Math.min(left.n, right.n)) return null;
  // Two eyes side by side: each side's holes form one short band, at the same height.
  if (left.spread > 0.08 || right.spread > 0.08 || Math.abs(left.y - right.y) > 0.08) return null;
  const balance = Math.min(left.n, right.n) / Math.max(left.n, right.n);
  const confidence = Math.min(0.99, 0.55 + 0.3 * balance + 0.2 * Math.min(1, fill / 0.7));
  return {
    box: [x0, y0, x1, y1],
    area,
    confidence: Math.round(confidence * 1e4) / 1e4,
    tone,
    eyes: [left.x, left.y, right.x, right.y],
  };
}

/**
 * A face heuristic, not a face detector: skin-coloured blobs (YCbCr rule) of a plausible size
 * and shape with dark holes on both sides of the eye band. Largest first.
 * @example
 * const [face] = detectFaces(toYcc(img, 192));
 */
export function detectFaces(img: YccImage): FaceRegion[] {
  const { labels, sizes } = label(img);
  const minArea = Math.max(60, img.width * img.height * 0.01);
  return sizes
    .map((size, id) => ({ size, id }))
    .filter(({ size, id }) => id > 0 && size >= minArea)
    .sort((a, b) => b.size - a.size)
    .slice(0, 5)
    .map(({ size, id }) => measure(img, labels, id, size))
    .filter((face): face is FaceRegion => face !== null);
}
