import { type ErrorWords, errors, otherError } from "./errorWords.ts";

/**
 * Every word `<FaceSignEmbed>` shows, so an app can replace any of them (`messages`); when it
 * failed, the words of the error's code (`errors`, shared by the three components).
 * @example
 * const mine: Partial<FaceSignMessages> = { loading: "One moment…" };
 */
export interface FaceSignMessages extends ErrorWords {
  /** Accessible name of the iframe, and of the dialog with `presentation="modal"`. */
  title: string;
  loading: string;
  /** Below a failure's words. */
  tryAgain: string;
  /** The end screen of a completed session (what it decided is your backend's to say). */
  completed: string;
  /** The end screen of a session left before the end, above `startAgain`. */
  cancelled: string;
  startAgain: string;
  /** Accessible name of the modal's close button. */
  close: string;
  /** The question asked before leaving a session the person has begun (modal). */
  leaveQuestion: string;
  keepGoing: string;
  leave: string;
}

/**
 * The English defaults of {@link FaceSignMessages}.
 * @example
 * <FaceSignEmbed messages={{ ...faceSignMessages, tryAgain: "Start over" }} />
 */
export const faceSignMessages: FaceSignMessages = {
  title: "FaceSign verification",
  loading: "Loading verification…",
  tryAgain: "Try again",
  completed: "Verification complete. Thank you.",
  cancelled: "The verification was not finished.",
  startAgain: "Start again",
  close: "Close",
  leaveQuestion: "Leave verification?",
  keepGoing: "Keep going",
  leave: "Leave",
  errors,
  otherError,
};
