import {
  createFaceMatchFlow,
  type FaceKitError,
  type FaceMatchEvent,
  type FaceMatchFlow,
  type FaceMatchFlowOptions,
  type FaceMatchResult,
  type FaceMatchSession,
  type FaceMatchSnapshot,
  idleFaceMatchSnapshot,
} from "@facekit/core";
import { useCallback, useId, useRef, useState, useSyncExternalStore } from "react";
import { useFaceKit } from "./internal/FaceKitContext.ts";
import { useCommitEffect } from "./internal/useCommitEffect.ts";
import { useLatest } from "./internal/useLatest.ts";
import { fetchResult, sessionQuery, takeSession } from "./internal/verisoulQueries.ts";

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
  > {
  /** A ready session minted elsewhere; used once, then retries mint new ones. */
  session?: FaceMatchSession;
  /** Custom minting; by default the provider's `endpoint` route. */
  getSession?: (signal: AbortSignal) => Promise<FaceMatchSession>;
  onComplete?: (result: FaceMatchResult) => void;
  onCancel?: () => void;
  onError?: (error: FaceKitError) => void;
  onEvent?: (event: FaceMatchEvent) => void;
}

/**
 * What {@link useFaceMatch} returns.
 * @example
 * const { status, open }: UseFaceMatchResult = useFaceMatch();
 */
export interface UseFaceMatchResult extends Omit<FaceMatchSnapshot, "detached"> {
  /**
   * The popup can no longer be reached (COOP severed it, or it closed before the vendor page was
   * seen loading): we wait for the callback page and the backend, up to `detachedTimeoutMs`. A QR
   * hand-off to a phone does not set it.
   */
  isDetached: boolean;
  /** Starts; call it in a click handler (the popup opens synchronously). */
  open: () => void;
  cancel: () => void;
  reset: () => void;
  /** Mints a session ahead of the click (no-op while a ready `session` is unused). */
  prefetch: () => void;
}

const noop = () => {};
// Stands in until the commit effect has created the flow (and during server rendering).
const inert: Pick<FaceMatchFlow, "subscribe" | "getSnapshot" | "open" | "cancel" | "reset"> = {
  subscribe: () => noop,
  getSnapshot: () => idleFaceMatchSnapshot,
  open: noop,
  cancel: noop,
  reset: noop,
};

/**
 * Verisoul Face Match as a hook; `<FaceMatchButton>` is this plus one button.
 * @example
 * const face = useFaceMatch({ onComplete: (result) => save(result) });
 * return <button type="button" onClick={face.open}>{face.status}</button>;
 */
export function useFaceMatch(options: UseFaceMatchOptions = {}): UseFaceMatchResult {
  const kit = useFaceKit("useFaceMatch");
  const latest = useLatest({ options, kit });
  const id = useId();
  const used = useRef<string>(undefined);
  const [flow, setFlow] = useState<typeof inert>(inert);
  const { mode } = options;
  const readyId = options.session?.sessionId;

  const mint = useCallback(() => {
    const { options: o, kit: k } = latest.current;
    return sessionQuery(id, o.getSession ?? k.backend.mintFaceMatchSession);
  }, [id]);

  useCommitEffect(() => {
    const f = createFaceMatchFlow({
      // The flow takes what it knows (popup, pollIntervalMs, ...) and ignores the rest.
      ...latest.current.options,
      mode,
      getSession: () => {
        const { options: o, kit: k } = latest.current;
        const ready = o.session;
        if (ready && ready.sessionId === readyId && readyId !== used.current) {
          used.current = readyId;
          return Promise.resolve(ready);
        }
        return takeSession(k, mint());
      },
      getResult: (s) => fetchResult(latest.current.kit, s),
    });
    f.on((e) => {
      const o = latest.current.options;
      o.onEvent?.(e);
      if (e.type === "completed") o.onComplete?.(e.result);
      else if (e.type === "cancelled") o.onCancel?.();
      else if (e.type === "failed") o.onError?.(e.error);
    });
    setFlow(f);
    // After the commit: StrictMode destroys its throw-away first flow before this runs, so a
    // redirect outcome is settled (and reported) once, by the flow that stays.
    queueMicrotask(f.resume);
    return f.destroy;
  }, [mode, readyId, mint]);

  const prefetch = useCallback(() => {
    const { options: o, kit: k } = latest.current;
    // An unused ready `session` comes first; warming another would waste a token.
    const ready = o.session;
    if (!ready || ready.sessionId === used.current) k.queryClient.fetchQuery(mint()).catch(noop);
  }, [mint]);
  const { detached, ...snapshot } = useSyncExternalStore(
    flow.subscribe,
    flow.getSnapshot,
    inert.getSnapshot,
  );
  const { open, cancel, reset } = flow;
  return { ...snapshot, isDetached: detached, open, cancel, reset, prefetch };
}
