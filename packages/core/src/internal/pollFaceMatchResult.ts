import type { FaceMatchSession } from "../protocol/index.ts";
import type { FaceMatchEvent, FaceMatchFlowOptions, FaceMatchWindow } from "../types.ts";
import { createPoller } from "./createPoller.ts";

/**
 * The event that ends an attempt; its `type` becomes the snapshot's `status`.
 * @example
 * const last: FinalEvent = { type: "cancelled" };
 */
export type FinalEvent = Extract<FaceMatchEvent, { type: "completed" | "cancelled" | "failed" }>;

/**
 * Polls the backend (`options.getResult`) for the verdict of `session` until `signal` aborts,
 * timed by {@link createPoller} from `options.pollIntervalMs` (default 3000). `completed` ends the
 * attempt; so does an error the poller gives up on (`failed`). Returns `now(last)`: ask at once;
 * with `last`, an answer other than `completed` (or any error) ends the attempt as cancelled: one
 * last look before giving up.
 * @example
 * const now = pollFaceMatchResult(window, session, signal, { getResult }, emit, finish);
 * now(true); // the user closed the popup: completed, or else cancelled
 */
export function pollFaceMatchResult(
  win: FaceMatchWindow,
  session: FaceMatchSession,
  signal: AbortSignal,
  options: Pick<FaceMatchFlowOptions, "getResult" | "pollIntervalMs">,
  emit: (event: FaceMatchEvent) => void,
  finish: (event: FinalEvent) => void,
): (last: boolean) => void {
  const base = options.pollIntervalMs ?? 3000;
  let polls = 0;
  let closing = false;
  const now = createPoller(win, signal, base, {
    ask() {
      emit({ type: "poll", sessionId: session.sessionId, attempt: ++polls });
      return options.getResult(session, signal);
    },
    onAnswer(res) {
      if (res.status === "completed") finish({ type: "completed", result: res.result });
      else if (closing) finish({ type: "cancelled" });
    },
    onError(error, retrying) {
      if (closing) finish({ type: "cancelled" });
      else if (!retrying) finish({ type: "failed", error });
    },
  });
  return (last) => {
    closing = last;
    // After a success callback the vendor is done: "pending" can only be the backend's lookup
    // throttle, so look again soon rather than backing off.
    now(last ? base : Math.min(base, 1000));
  };
}
