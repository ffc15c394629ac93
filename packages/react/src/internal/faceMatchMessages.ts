import type { FaceMatchStatus } from "@facekit/core";
import { captureErrors, type ErrorWords, errors, otherError, popupErrors } from "./errorWords.ts";

/**
 * Every word `<FaceMatchButton>` shows (when it has no `children`): its label per status, and
 * when it failed, the words of the error's code (`errors`, shared by the three components).
 * @example
 * const mine: Partial<FaceMatchMessages> = { idle: "Check my face" };
 */
export interface FaceMatchMessages
  extends Record<Exclude<FaceMatchStatus, "failed">, string>,
    ErrorWords {
  /**
   * While waiting for a popup the page can no longer see (the vendor's page cut it off, or it was
   * closed as it loaded): the way out. A click starts a new attempt.
   */
  detached: string;
  /** Completed, with `recheck`: the label of the (secondary) button that starts a new check. */
  checkAgain: string;
}

/**
 * The English defaults of {@link FaceMatchMessages}.
 * @example
 * <FaceMatchButton messages={{ idle: "Check my face" }} />
 */
export const faceMatchMessages: FaceMatchMessages = {
  idle: "Verify with face",
  preparing: "Preparing…",
  open: "Waiting for verification…",
  detached: "Closed the window? Start again",
  verifying: "Verifying…",
  completed: "Face check complete",
  checkAgain: "Face check complete. Check again",
  cancelled: "Not finished. Try again",
  errors: /* @__PURE__ */ Object.assign({}, errors, captureErrors, popupErrors),
  otherError,
};
