/**
 * Every word `<FaceSignEmbed>` shows, so an app can replace any of them (`messages`).
 * @example
 * const mine: Partial<FaceSignMessages> = { loading: "One moment…" };
 */
export interface FaceSignMessages {
  /** Accessible name of the iframe, and of the dialog with `presentation="modal"`. */
  title: string;
  loading: string;
  tryAgain: string;
  /** The question asked when Escape is pressed during a session (modal). */
  leaveQuestion: string;
  keepGoing: string;
  leave: string;
  /**
   * Shown above Try again when the flow failed (the error itself is for developers: `onError`;
   * most are passing: network, rate limit, vendor outage).
   */
  error: string;
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
  leaveQuestion: "Leave verification?",
  keepGoing: "Keep going",
  leave: "Leave",
  error: "Something went wrong. Please try again.",
};
