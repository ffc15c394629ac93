import {
  createFaceSignFlow,
  type FaceKitError,
  type FaceSignEvent,
  type FaceSignFlow,
  type FaceSignFlowOptions,
  type FaceSignSession,
  type FaceSignSnapshot,
  type FaceSignSummary,
  idleFaceSignSnapshot,
} from "@facekit/core";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useFaceKit } from "./internal/FaceKitContext.ts";
import { faceSignBackend } from "./internal/faceSignQueries.ts";
import { useCommitEffect } from "./internal/useCommitEffect.ts";
import { useLatest } from "./internal/useLatest.ts";

/**
 * Options of {@link useFaceSign} (and props of `<FaceSignEmbed>`). `pollIntervalMs` and
 * `refreshMarginMs` are read when the flow is created (on mount, and when a ready `clientSecret`
 * of another session arrives).
 * @example
 * const options: UseFaceSignOptions = { autoStart: true, refreshMarginMs: 120_000, onComplete: save };
 */
export interface UseFaceSignOptions
  extends Pick<FaceSignFlowOptions, "pollIntervalMs" | "refreshMarginMs"> {
  /** A ready session minted elsewhere (e.g. by your server page). Another session replaces it. */
  clientSecret?: FaceSignSession;
  /** Custom minting; by default the provider's `endpoint` route. */
  getClientSecret?: (signal: AbortSignal) => Promise<FaceSignSession>;
  /** Start on mount (and with each new `clientSecret`). Default `false`; `true` in the embed. */
  autoStart?: boolean;
  /** The summary from your backend (null if it sent none). Informative: decide on the server. */
  onComplete?: (summary: FaceSignSummary | null) => void;
  onCancel?: () => void;
  onError?: (error: FaceKitError) => void;
  onEvent?: (event: FaceSignEvent) => void;
}

/**
 * What {@link useFaceSign} returns.
 * @example
 * const { status, session, start }: UseFaceSignResult = useFaceSign();
 */
export interface UseFaceSignResult extends FaceSignSnapshot {
  /** Gets a session and watches it; does nothing while one is under way. */
  start: () => void;
  /** Ends the attempt as `cancelled`. */
  cancel: () => void;
}

const noop = () => {};
// Stands in until the commit effect has created the flow (and during server rendering).
const inert: Pick<FaceSignFlow, "subscribe" | "getSnapshot" | "start" | "cancel"> = {
  subscribe: () => noop,
  getSnapshot: () => idleFaceSignSnapshot,
  start: noop,
  cancel: noop,
};

/**
 * FaceSign's hosted flow as a hook; `<FaceSignEmbed>` is this plus one `<div>` with the iframe.
 * @example
 * const face = useFaceSign({ autoStart: true, onComplete: (summary) => next(summary) });
 * return face.session && face.status === "ready" ? <iframe src={face.session.url} /> : null;
 */
export function useFaceSign(options: UseFaceSignOptions = {}): UseFaceSignResult {
  const kit = useFaceKit("useFaceSign");
  const latest = useLatest({ options, kit });
  const id = useId();
  const ended = useRef<string>(undefined); // the ready session that has ended: mint anew
  const [flow, setFlow] = useState<typeof inert>(inert);
  const readyId = options.clientSecret?.sessionId;

  useCommitEffect(() => {
    const backend = faceSignBackend(
      id,
      () => latest.current.kit,
      () => latest.current.options.getClientSecret,
    );
    const f = createFaceSignFlow({
      ...backend,
      pollIntervalMs: latest.current.options.pollIntervalMs,
      refreshMarginMs: latest.current.options.refreshMarginMs,
      getSession: (signal) => {
        const ready = latest.current.options.clientSecret;
        if (ready && ready.sessionId === readyId && ended.current !== readyId) {
          return Promise.resolve(ready);
        }
        return backend.getSession(signal);
      },
    });
    f.on((e) => {
      const o = latest.current.options;
      o.onEvent?.(e);
      if (e.type === "status_changed" && (e.status === "complete" || e.status === "incomplete")) {
        ended.current = e.sessionId;
      } else if (e.type === "completed") o.onComplete?.(e.summary);
      else if (e.type === "cancelled") o.onCancel?.();
      else if (e.type === "failed") o.onError?.(e.error);
    });
    setFlow(f);
    return f.destroy;
  }, [id, readyId]);

  const { autoStart } = options;
  useEffect(() => {
    if (autoStart) flow.start();
  }, [autoStart, flow]);

  const snapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot, inert.getSnapshot);
  return { ...snapshot, start: flow.start, cancel: flow.cancel };
}
