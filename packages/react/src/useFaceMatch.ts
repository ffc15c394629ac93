import {
  createFaceMatchFlow,
  type FaceMatchEvent,
  type FaceMatchFlow,
  type FaceMatchFlowOptions,
  type FaceMatchResult,
  type FaceMatchSession,
  type FaceMatchSnapshot,
  idleFaceMatchSnapshot,
} from "@facekit/core";
import { useRef } from "react";
import { type FlowAdapter, type FlowCallbacks, useFlow } from "./internal/useFlow.ts";
import { type VerisoulOptions, verisoulBackend } from "./internal/verisoulQueries.ts";

/**
 * Options of {@link useFaceMatch} (and props of `<FaceMatchButton>`). The flow options are read
 * when the flow is created (on mount, and when `mode` or a ready `session` changes).
 * @example
 * const options: UseFaceMatchOptions = { mode: "auto", onComplete: save };
 */
export interface UseFaceMatchOptions
  extends Pick<
      FaceMatchFlowOptions,
      "mode" | "popup" | "pollIntervalMs" | "severWindowMs" | "detachedTimeoutMs"
    >,
    FlowCallbacks<FaceMatchEvent, FaceMatchResult> {
  /** A ready session minted elsewhere; used once, then retries mint new ones. */
  session?: FaceMatchSession;
  /** Custom minting; by default the provider's `endpoint` route. */
  getSession?: (signal: AbortSignal) => Promise<FaceMatchSession>;
}

/**
 * Every key of {@link UseFaceMatchOptions}, so `<FaceMatchButton>` takes them as one group
 * (completeness is checked by `hooks.test-d.ts`).
 * @example
 * const [options, button] = splitOptions(props, faceMatchOptionKeys);
 */
export const faceMatchOptionKeys = [
  "mode",
  "popup",
  "pollIntervalMs",
  "severWindowMs",
  "detachedTimeoutMs",
  "session",
  "getSession",
  "onComplete",
  "onCancel",
  "onError",
  "onEvent",
] as const satisfies readonly (keyof UseFaceMatchOptions)[];

/**
 * What {@link useFaceMatch} returns.
 * @example
 * const { status, open }: UseFaceMatchResult = useFaceMatch();
 */
export interface UseFaceMatchResult
  extends Omit<FaceMatchSnapshot, "detached">,
    Pick<FaceMatchFlow, "cancel" | "reset"> {
  /**
   * The popup can no longer be reached (COOP severed it, or it closed before the vendor page was
   * seen loading): we wait for the callback page and the backend, up to `detachedTimeoutMs`. A QR
   * hand-off to a phone does not set it.
   */
  isDetached: boolean;
  /** Starts; call it in a click handler (the popup opens synchronously). */
  open: () => void;
  /** Mints a session ahead of the click (no-op while a ready `session` is unused). */
  prefetch: () => void;
}

/** The hook's options plus the id of the ready `session` already used (kept across flows). */
type Options = UseFaceMatchOptions & VerisoulOptions;

type Flow = FaceMatchFlow & Pick<UseFaceMatchResult, "prefetch">;

const adapter: FlowAdapter<
  Flow,
  Options,
  FaceMatchResult,
  "open" | "cancel" | "reset" | "prefetch"
> = {
  hook: "useFaceMatch",
  idle: idleFaceMatchSnapshot,
  actions: ["open", "cancel", "reset", "prefetch"],
  create(context) {
    const backend = verisoulBackend(context);
    // The flow takes what it knows (popup, pollIntervalMs, ...) and ignores the rest.
    const flow = createFaceMatchFlow({ ...context.latest.current.options, ...backend });
    // After the commit: StrictMode destroys its throw-away first flow before this runs, so a
    // redirect outcome is settled (and reported) once, by the flow that stays.
    queueMicrotask(flow.resume);
    return { ...flow, prefetch: backend.prefetch };
  },
  result: (event) => event.result,
};

/**
 * Verisoul Face Match as a hook; `<FaceMatchButton>` is this plus one button.
 * @example
 * const face = useFaceMatch({ onComplete: (result) => save(result) });
 * return <button type="button" onClick={face.open}>{face.status}</button>;
 */
export function useFaceMatch(options: UseFaceMatchOptions = {}): UseFaceMatchResult {
  const used = useRef<string>(undefined);
  // Re-created for another mode or another ready session.
  const key = `${options.mode}:${options.session?.sessionId}`;
  const { detached, ...face } = useFlow(adapter, { ...options, used }, key);
  return { ...face, isDetached: detached };
}
