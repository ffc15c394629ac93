import type { SelfieCompareWarning } from "@facekit/core";
import { captureErrors, type ErrorWords, errors, imageErrors, otherError } from "./errorWords.ts";

/**
 * Every word `<SelfieCompareUploader>` shows, so an app can replace any of them (`messages`).
 * @example
 * const mine: Partial<SelfieCompareMessages> = { compare: "Check" };
 */
export interface SelfieCompareMessages extends ErrorWords {
  /** Before capture: what happens to the photos and why. */
  intro: string;
  /** Tips for a good selfie, shown as a short list. */
  tips: string[];
  /** Who sees the photos (name your vendor and your server). */
  privacy: string;
  /** Under a result: Compare stays disabled until a photo changes, and why. */
  newPhotos: string;
  /** Name of the selfie slot, also the alt text of its preview. */
  selfie: string;
  /** Name of the reference slot, also the alt text of its preview. */
  reference: string;
  choose: string;
  drop: string;
  useCamera: string;
  cameraPreview: string;
  /** Announced when a camera is live. */
  cameraReady: string;
  capture: string;
  cancelCamera: string;
  retake: string;
  remove: string;
  preparing: string;
  compare: string;
  ready: string;
  uploading: string;
  cancelUpload: string;
  /** Shown once the photos are sent, while the backend compares them (no Cancel any more). */
  comparing: string;
  cancelled: string;
  tryAgain: string;
  approved: string;
  declined: string;
  review: string;
  score: (score: number) => string;
  /**
   * Words for one of Didit's warnings on a result (codes `LOW_FACE_MATCH_SIMILARITY`,
   * `NO_REFERENCE_IMAGE`); its `message` is Didit's own English description.
   */
  warning: (warning: SelfieCompareWarning) => string;
}

/**
 * The English defaults of {@link SelfieCompareMessages}.
 * @example
 * <SelfieCompareUploader messages={{ ...selfieCompareMessages, compare: "Check" }} />
 */
export const selfieCompareMessages: SelfieCompareMessages = {
  intro: "We compare your selfie with a reference photo to check that both show the same person.",
  tips: ["Face the light", "Whole face in the frame", "Glasses off"],
  privacy: "Your photos go through our server to Didit, the service that compares them.",
  newPhotos: "To compare again, change a photo.",
  selfie: "Your selfie",
  reference: "Reference photo",
  choose: "Choose a photo",
  drop: "Drop a photo here",
  useCamera: "Use camera",
  cameraPreview: "Camera preview",
  cameraReady: "Camera on. Press Capture when you are ready.",
  capture: "Capture",
  cancelCamera: "Cancel",
  retake: "Retake",
  remove: "Remove",
  preparing: "Preparing the photo…",
  compare: "Compare",
  ready: "Ready to compare.",
  uploading: "Uploading",
  cancelUpload: "Cancel upload",
  comparing: "Comparing the photos…",
  cancelled: "Upload cancelled.",
  tryAgain: "Try again",
  approved: "Approved: the faces match.",
  declined: "Declined: the faces do not match.",
  review: "The photos need a manual review.",
  score: (score) => `Similarity: ${score} out of 100`,
  warning: (warning) => warning.message,
  errors: /* @__PURE__ */ Object.assign({}, errors, captureErrors, imageErrors),
  otherError,
};
