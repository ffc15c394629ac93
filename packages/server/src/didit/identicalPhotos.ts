import { FaceKitError } from "@facekit/core/protocol";
import type { JudgedImage } from "./readImageUpload.ts";

/**
 * The lowest Didit score taken as "a copy of the same photo" when both images also have the same
 * pixel size: the simulator scores the very photo 100 and a re-encode 99.96, a second shot of the
 * same person about 89. See decision 0012.
 */
const copyScore = 99;

const samePixelSize = (a: JudgedImage, b: JudgedImage) =>
  a.width === b.width && a.height === b.height;

/** The answer when the person sent one photo twice. */
export const identicalPhotos = (why: string) =>
  new FaceKitError(
    "invalid_image",
    `The selfie and the reference are the same photo (${why}): take a new selfie.`,
  );

/**
 * Before paying: the very same file twice (same pixel size and bytes), refused for free. The bytes
 * are compared only when the sizes already match, and stop at the first difference.
 * @example
 * if (sameFile(selfie, reference)) throw identicalPhotos("the same file");
 */
export function sameFile(a: JudgedImage, b: JudgedImage): boolean {
  if (a.bytes.byteLength !== b.bytes.byteLength || !samePixelSize(a, b)) return false;
  return a.bytes.every((byte, i) => byte === b.bytes[i]);
}

/**
 * After Didit's answer: the same pixel size and a score of at least {@link copyScore}, which only
 * a copy of one photo reaches (bytes appended, metadata changed, re-encoded at the same size).
 * @example
 * if (isCopy(selfie, reference, body.face_match.score)) throw identicalPhotos("score 100");
 */
export function isCopy(a: JudgedImage, b: JudgedImage, score: number | null | undefined): boolean {
  return samePixelSize(a, b) && typeof score === "number" && score >= copyScore;
}
