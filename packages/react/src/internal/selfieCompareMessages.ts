import type { FaceKitErrorCode, SelfieCompareWarning } from "@facekit/core";

/**
 * Every word `<SelfieCompareUploader>` shows, so an app can replace any of them (`messages`).
 * @example
 * const mine: Partial<SelfieCompareMessages> = { compare: "Check" };
 */
export interface SelfieCompareMessages {
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
  /** Words per error code. */
  errors: Partial<Record<FaceKitErrorCode, string>>;
  /** For an error without words of its own (its message is for developers: see `onError`). */
  otherError: string;
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
  selfie: "Your selfie",
  reference: "Reference photo",
  choose: "Choose a photo",
  drop: "or drop one here",
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
  otherError: "Something went wrong. Please try again.",
  warning: (warning) => warning.message,
  errors: {
    camera_denied: "Camera access is blocked. Allow it in your browser, or choose a photo.",
    camera_unavailable: "No camera can be used here. Choose a photo instead.",
    invalid_image: "This file is not a photo that can be read. Choose a JPEG, PNG or WebP image.",
    image_too_large: "This photo is too large. Choose a smaller one.",
    account_not_found: "There is no reference photo on your account yet.",
    unauthorized: "Please sign in first.",
    network: "The connection failed. Please try again.",
    rate_limited: "Too many attempts. Wait a moment. Please try again.",
    session_expired: "The upload took too long. Please try again.",
    session_invalid: "The upload could not be accepted. Please try again.",
    vendor_unavailable: "The comparison service is unavailable. Please try again.",
    no_credits: "Photo checks are not available right now. Please try again later.",
    vendor_misconfigured: "Photo checks are not set up correctly here. Please contact support.",
  },
};
