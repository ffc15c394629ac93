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

/** Bytes compared at a time by {@link sameFile}: two photos differ early, and no whole copy is made. */
const compareBytes = 64 * 1024;

/**
 * Before paying: the very same file twice (same pixel size and bytes), refused for free. Only
 * read again when the sizes already match, a slice at a time until they differ.
 * @example
 * if (await sameFile(selfie, reference)) throw identicalPhotos("the same file");
 */
export async function sameFile(a: JudgedImage, b: JudgedImage): Promise<boolean> {
  if (a.blob.size !== b.blob.size || !samePixelSize(a, b)) return false;
  const read = async (blob: Blob, at: number) =>
    new Uint8Array(await blob.slice(at, at + compareBytes).arrayBuffer());
  for (let at = 0; at < a.blob.size; at += compareBytes) {
    const [x, y] = await Promise.all([read(a.blob, at), read(b.blob, at)]);
    if (!x.every((byte, i) => byte === y[i])) return false;
  }
  return true;
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
