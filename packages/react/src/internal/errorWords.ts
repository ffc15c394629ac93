import type { FaceKitErrorCode } from "@facekit/core";

/**
 * The words for failures, shared by the three components: per error code, what happened and what
 * to do, and `otherError` for a code without words (its `message` is for developers: `onError`).
 * @example
 * const mine: Partial<ErrorWords> = { errors: { network: "You are offline." } };
 */
export interface ErrorWords {
  /** Words per error code; merged by code with the English ones. */
  errors: Partial<Record<FaceKitErrorCode, string>>;
  /** For a code without words (a bug: `bad_request`, `not_found`, `misconfigured`, `internal`). */
  otherError: string;
}

/**
 * The English {@link ErrorWords} of the three components, in groups by who meets them, so each
 * component's bundle carries only the words it can show (constants, never spread objects: a
 * bundler cannot prove a spread pure and keeps it in every bundle). Plain strings, no template
 * with a shared constant: gzip shares the repeated words anyway, and esbuild keeps a template's
 * object even where it is unused (+14 B gzip in Face Match, +21 B in FaceSign). `errors` is every
 * component's; see `captureErrors`, `popupErrors`, `imageErrors`.
 * @example
 * const words: FaceSignMessages = { ...mine, errors, otherError };
 */
export const otherError = "Something went wrong. Please try again.";

/** @see {@link otherError} */
export const errors: ErrorWords["errors"] = {
  session_expired: "This check has expired. Please start again.",
  session_invalid: "This check can no longer be used. Please start again.",
  no_credits: "Face checks are not available right now. Please try again later.",
  unauthorized: "You are signed out. Please sign in first.",
  rate_limited: "Too many attempts. Wait a minute, then try again.",
  vendor_unavailable: "The verification service is not responding. Please try again later.",
  vendor_misconfigured: "Face checks are not set up correctly here. Please contact support.",
  store_unavailable: "Verification is briefly unavailable. Try again in a moment.",
  network: "The connection failed. Check that you are online, then try again.",
};

/** Words of the two components that see a face (Face Match and the selfie compare). */
export const captureErrors: ErrorWords["errors"] = {
  camera_denied: "Camera access is blocked. Allow it in your browser, then try again.",
  account_not_found: "Your account has no face on file to compare with yet.",
};

/** Words of Face Match's hosted page in a popup. */
export const popupErrors: ErrorWords["errors"] = {
  popup_blocked: "Pop-ups are blocked. Allow them for this site, then try again.",
  liveness_failed:
    "We could not confirm a live person. Face the camera in good light, then try again.",
};

/** Words of the selfie compare's photos. */
export const imageErrors: ErrorWords["errors"] = {
  camera_unavailable: "No camera can be used here. Choose a photo instead.",
  invalid_image: "This file is not a photo that can be read. Choose a JPEG, PNG or WebP image.",
  image_too_large: "This photo is too large. Choose a smaller one.",
};
