import type { FaceMatchStatus } from "@facekit/core";

/**
 * Every word `<FaceMatchButton>` shows: its label in each status (when it has no `children`).
 * @example
 * const mine: Partial<FaceMatchMessages> = { idle: "Check my face" };
 */
export type FaceMatchMessages = Record<FaceMatchStatus, string>;

/**
 * The English defaults of {@link FaceMatchMessages}.
 * @example
 * <FaceMatchButton messages={{ idle: "Check my face" }} />
 */
export const faceMatchMessages: FaceMatchMessages = {
  idle: "Verify with face",
  preparing: "Preparing…",
  open: "Waiting for verification…",
  verifying: "Verifying…",
  completed: "Face check complete",
  cancelled: "Try again",
  failed: "Verification failed. Try again",
};
