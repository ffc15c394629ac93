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
 * const adapter: FlowAdapter<FaceSignFlow, UseFaceSignOptions, FaceSignSummary | null> = {
 *   hook: "useFaceSign",
 *   idle: idleFaceSignSnapshot,
 *   create: ({ latest }) => createFaceSignFlow(optionsFrom(latest)),
 *   result: (event) => event.summary,
 * };
 */
export interface FlowAdapter<F extends AnyFlow, Options, Result> {
  /** The hook's name, for the misuse error outside `<FaceKitProvider>`. */
  hook: string;
  /** The snapshot before the flow exists (first render, server rendering). */
  idle: SnapshotOf<F>;
  /** Creates the flow (after the commit, once per `key`); may add listeners of its own. */
  create(context: FlowContext<Options>): F;
  /** What `onComplete` receives, from the `completed` event. */
  result(event: Extract<EventOf<F>, { type: "completed" }>): Result;
}

/**
 * What {@link useFlow} gives its hook.
 * @example
 * const { snapshot, action } = useFlow(adapter, options, key);
 */
export interface FlowHandle<F extends AnyFlow, Options> extends FlowContext<Options> {
  snapshot: SnapshotOf<F>;
  /** A method of the current flow (a no-op until it exists); changes only with the flow. */
  action<K extends keyof F>(name: K): F[K];
}

const noop = () => {};
const unsubscribed = () => noop;

/**
 * Turns any FaceKit flow into a hook: creates it in the commit (so a click never meets a missing
 * flow), re-creates it when `key` changes, destroys it on unmount, maps its end events to the
 * latest `onComplete`/`onCancel`/`onError` and all events to `onEvent`, and reads its snapshot
 * with `useSyncExternalStore` (the idle snapshot on the server). With `autoOpen`, `open()` runs
 * in the same commit: no render or effect pass of its own before the flow starts. StrictMode's
 * double mount destroys the first flow before the second exists.
 * @example
 * const { snapshot, action } = useFlow(faceSignAdapter, options, readyId, options.autoOpen);
 * return { ...snapshot, open: action("open"), cancel: action("cancel") };
 */
export function useFlow<
  F extends AnyFlow,
  Options extends FlowCallbacks<EventOf<F>, Result>,
  Result,
>(
  adapter: FlowAdapter<F, Options, Result>,
  options: Options,
  key?: string,
  autoOpen?: boolean,
): FlowHandle<F, Options> {
  const kit = useFaceKit(adapter.hook);
  const latest = useLatest({ options, kit });
  const id = useId();
  const [flow, setFlow] = useState<F | null>(null);

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

  const snapshot = useSyncExternalStore(
    flow ? flow.subscribe : unsubscribed,
    flow ? flow.getSnapshot : () => adapter.idle,
    () => adapter.idle,
  );
  const action = <K extends keyof F>(name: K) => (flow ? flow[name] : noop) as F[K];
  return { snapshot, action, id, key, latest };
}
