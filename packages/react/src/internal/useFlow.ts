import type { FaceKitError, FaceKitFlow } from "@facekit/core";
import { type RefObject, useId, useState, useSyncExternalStore } from "react";
import { type FaceKitContextValue, useFaceKit } from "./FaceKitContext.ts";
import { useCommitEffect } from "./useCommitEffect.ts";
import { useLatest } from "./useLatest.ts";

// biome-ignore lint/suspicious/noExplicitAny: any flow, whatever its snapshot and events
type AnyFlow = FaceKitFlow<any, any>;
type SnapshotOf<F> = F extends FaceKitFlow<infer S, unknown> ? S : never;
type EventOf<F> = F extends FaceKitFlow<unknown, infer E> ? E : never;

/**
 * The callbacks every FaceKit hook takes. Inline arrows are safe: the latest ones are called.
 * @example
 * const callbacks: FlowCallbacks<FaceSignEvent, FaceSignSummary | null> = { onComplete: next };
 */
export interface FlowCallbacks<Event, Result> {
  /** The attempt completed; `result` comes from your backend (decide there, not here). */
  onComplete?: (result: Result) => void;
  /** The person closed or left before the end: not an error. */
  onCancel?: () => void;
  onError?: (error: FaceKitError) => void;
  /** Every event of the flow, with stable names, for analytics. */
  onEvent?: (event: Event) => void;
}

/** What a hook's flow is created from: its latest options and provider value, and its id. */
export interface FlowContext<Options> {
  id: string;
  /** What the flow is made for: a change of `key` re-creates it (e.g. another ready session). */
  key?: string;
  latest: RefObject<{ options: Options; kit: FaceKitContextValue }>;
}

/**
 * One vendor's flow, as the adapter needs to know it. A module-level constant per hook.
 * @example
 * const adapter: FlowAdapter<FaceSignFlow, UseFaceSignOptions, FaceSignSummary | null, "open"> = {
 *   hook: "useFaceSign",
 *   idle: idleFaceSignSnapshot,
 *   actions: ["open"],
 *   create: ({ latest }) => createFaceSignFlow(optionsFrom(latest)),
 *   result: (event) => event.summary,
 * };
 */
export interface FlowAdapter<F extends AnyFlow, Options, Result, Action extends keyof F> {
  /** The hook's name, for the misuse error outside `<FaceKitProvider>`. */
  hook: string;
  /** The snapshot before the flow exists (first render, server rendering). */
  idle: SnapshotOf<F>;
  /** The flow's methods the hook hands out: no-ops until the flow exists, then its own. */
  actions: readonly Action[];
  /** Creates the flow (after the commit, once per `key`); may add listeners of its own. */
  create(context: FlowContext<Options>): F;
  /** What `onComplete` receives, from the `completed` event. */
  result(event: Extract<EventOf<F>, { type: "completed" }>): Result;
}

// Does nothing: an action before the flow exists.
const noop = () => {};
const unsubscribed = () => noop;

/**
 * Turns any FaceKit flow into a hook: creates it in the commit (so a click never meets a missing
 * flow), re-creates it when `key` changes, destroys it on unmount, maps its end events to the
 * latest `onComplete`/`onCancel`/`onError` and all events to `onEvent`, and reads its snapshot
 * with `useSyncExternalStore` (the idle snapshot on the server). With `autoOpen`, `open()` runs
 * in the same commit: no render or effect pass of its own before the flow starts. StrictMode's
 * double mount destroys the first flow before the second exists. Returns the snapshot with the
 * adapter's `actions`, which change only with the flow.
 * @example
 * return useFlow(faceSignAdapter, options, readyId, options.autoOpen); // { status, ..., open }
 */
export function useFlow<
  F extends AnyFlow,
  Options extends FlowCallbacks<EventOf<F>, Result>,
  Result,
  Action extends keyof F,
>(
  adapter: FlowAdapter<F, Options, Result, Action>,
  options: Options,
  key?: string,
  autoOpen?: boolean,
): SnapshotOf<F> & Pick<F, Action> {
  const latest = useLatest({ options, kit: useFaceKit(adapter.hook) });
  const id = useId();
  const [flow, setFlow] = useState<F>();

  useCommitEffect(() => {
    const f = adapter.create({ id, key, latest });
    f.on((e: EventOf<F>) => {
      const o = latest.current.options;
      o.onEvent?.(e);
      if (e.type === "completed") {
        o.onComplete?.(adapter.result(e as Extract<EventOf<F>, { type: "completed" }>));
      } else if (e.type === "cancelled") o.onCancel?.();
      else if (e.type === "failed") o.onError?.(e.error);
    });
    setFlow(f);
    return f.destroy;
  }, [adapter, id, key]);

  // In the commit too; `open()` does nothing while an attempt is under way.
  useCommitEffect(() => {
    if (autoOpen) flow?.open();
  }, [autoOpen, flow]);

  const idle = () => adapter.idle;
  const handle = {
    ...useSyncExternalStore(flow?.subscribe ?? unsubscribed, flow?.getSnapshot ?? idle, idle),
  } as SnapshotOf<F> & Pick<F, Action>;
  for (const name of adapter.actions) handle[name] = flow ? flow[name] : (noop as F[Action]);
  return handle;
}
