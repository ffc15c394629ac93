import type { DiditImageReport } from "@facekit/core/protocol";
import { describeFace, type FaceDescriptor } from "./describeFace.ts";
import { detectFaces } from "./detectFaces.ts";
import type { RgbaImage } from "./resizeArea.ts";
import { rotate, toYcc } from "./toYcc.ts";

/** Longest side of the working image the heuristics run on. */
const workingSide = 192;

/** What the simulator saw in one upload: Didit's report, plus the largest face's descriptor. */
export interface ImageAnalysis {
  report: Required<DiditImageReport>;
  /** The largest face, `null` when nothing face-like was found. */
  face: FaceDescriptor | null;
}

/**
 * Looks for faces upright, and with `rotateImage` also turned by 90, 180 and 270 degrees; the
 * first angle with a face wins (`best_angle`). Boxes are in pixels of the (turned) upload.
 * @example
 * const { report, face } = analyzeImage(await decodeImage(bytes), false);
 */
export function analyzeImage(img: RgbaImage, rotateImage: boolean): ImageAnalysis {
  const angles = rotateImage ? ([0, 90, 180, 270] as const) : ([0] as const);
  for (const angle of angles) {
    const turned = rotate(img, angle);
    const work = toYcc(turned, workingSide);
    const faces = detectFaces(work);
    const [largest] = faces;
    if (!largest) continue;
    const entities = faces.map((f) => ({
      bbox: f.box.map((v) => Math.round(v * work.scale)) as [number, number, number, number],
      confidence: f.confidence,
    }));
    return {
      report: { entities, best_angle: angle },
      face: describeFace(turned, largest, work.scale),
    };
  }
  return { report: { entities: [], best_angle: 0 }, face: null };
}
