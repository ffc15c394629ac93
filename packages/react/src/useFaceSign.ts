import {
  createFaceSignFlow,
  type FaceSignEvent,
  type FaceSignFlow,
  type FaceSignFlowOptions,
  type FaceSignSession,
  type FaceSignSnapshot,
  type FaceSignSummary,
  idleFaceSignSnapshot,
} from "@facekit/core";
import { faceSignBackend } from "./internal/faceSignQueries.ts";
import { type FlowAdapter, type FlowCallbacks, useFlow } from "./internal/useFlow.ts";

/**
 * Options of {@link useFaceSign} (and props of `<FaceSignEmbed>`). `pollIntervalMs` and
 * `refreshMarginMs` are read when the flow is created (on mount, and when a ready `session`
 * of another session arrives).
 * @example
 * const options: UseFaceSignOptions = { autoOpen: true, refreshMarginMs: 120_000, onComplete: save };
 */
export interface UseFaceSignOptions
  extends Pick<FaceSignFlowOptions, "pollIntervalMs" | "refreshMarginMs">,
    FlowCallbacks<FaceSignEvent, FaceSignSummary | null> {
  /** A ready session minted elsewhere (e.g. by your server page). Another session replaces it. */
  session?: FaceSignSession;
  /** Custom minting; by default the provider's `endpoint` route. */
  getSession?: (signal: AbortSignal) => Promise<FaceSignSession>;
  /** Open on mount (and with each new `session`). Default `false`; `true` in the embed. */
  autoOpen?: boolean;
}

/**
 * Every key of {@link UseFaceSignOptions}, so `<FaceSignEmbed>` takes them as one group
 * (completeness is checked by `hooks.test-d.ts`).
 * @example
 * const [options, div] = splitOptions(props, faceSignOptionKeys);
 */
export const faceSignOptionKeys = [
  "pollIntervalMs",
  "refreshMarginMs",
  "session",
  "getSession",
  "autoOpen",
  "onComplete",
  "onCancel",
  "onError",
  "onEvent",
] as const satisfies readonly (keyof UseFaceSignOptions)[];

/**
 * What {@link useFaceSign} returns.
 * @example
 * const { status, session, open }: UseFaceSignResult = useFaceSign();
 */
export interface UseFaceSignResult
  extends FaceSignSnapshot,
    Pick<FaceSignFlow, "open" | "cancel" | "reset"> {}

const adapter: FlowAdapter<
  FaceSignFlow,
  UseFaceSignOptions,
  FaceSignSummary | null,
  "open" | "cancel" | "reset"
> = {
  hook: "useFaceSign",
  idle: idleFaceSignSnapshot,
  actions: ["open", "cancel", "reset"],
  create(context) {
    const { key: readyId, latest } = context;
    let ended: string | undefined; // the ready session that has ended: mint anew
    const backend = faceSignBackend(context);
    const flow = createFaceSignFlow({
      // The flow takes what it knows (pollIntervalMs, refreshMarginMs) and ignores the rest.
      ...latest.current.options,
      ...backend,
      getSession: (signal) => {
        const ready = latest.current.options.session;
        if (ready && ready.sessionId === readyId && ended !== readyId)
          return Promise.resolve(ready);
        return backend.getSession(signal);
      },
    });
    flow.on((e) => {
      if (e.type === "status_changed" && (e.status === "complete" || e.status === "incomplete")) {
        ended = e.sessionId;
      }
    });
    return flow;
  },
  result: (event) => event.summary,
};

/**
 * FaceSign's hosted flow as a hook; `<FaceSignEmbed>` is this plus one `<div>` with the iframe.
 * @example
 * const face = useFaceSign({ autoOpen: true, onComplete: (summary) => next(summary) });
 * return face.session && face.status === "ready" ? <iframe src={face.session.url} /> : null;
 */
export function useFaceSign(options: UseFaceSignOptions = {}): UseFaceSignResult {
  return useFlow(adapter, options, options.session?.sessionId, options.autoOpen);
}
