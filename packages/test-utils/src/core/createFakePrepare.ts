/**
 * The one stand-in for `prepareImage` of the repo (jsdom has no canvas, and flow tests want to
 * control timing).
 */
import { FaceKitError, type SelfieCompareFlowOptions } from "@facekit/core";

/** What a selfie compare's `prepare` option is. */
type Prepare = NonNullable<SelfieCompareFlowOptions["prepare"]>;

/**
 * A `prepare` that answers after `delayMs`: a JPEG blob of the file, or `invalid_image` for a file
 * typed `text/plain`; rejects with the signal's reason once aborted.
 * @example
 * const prepare = vi.fn(createFakePrepare(10));
 * const flow = createSelfieCompareFlow({ getGrant, compare, prepare });
 */
export function createFakePrepare(delayMs = 0): Prepare {
  return (file, { signal }) =>
    new Promise((resolve, reject) => {
      setTimeout(() => {
        if (signal.aborted) reject(signal.reason);
        else if (file.type === "text/plain") {
          reject(new FaceKitError("invalid_image", "This file is not an image."));
        } else resolve({ blob: new Blob([file], { type: "image/jpeg" }) });
      }, delayMs);
    });
}

/**
 * A `prepare` answering on the next tick (see {@link createFakePrepare}).
 * @example
 * render(<SelfieCompareUploader prepare={fakePrepare} />);
 */
export const fakePrepare: Prepare = createFakePrepare();
