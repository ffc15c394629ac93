/**
 * Server state of a selfie compare through React Query: the grant is one query per hook instance
 * and attempt (StrictMode's double mount shares it), the upload a mutation (visible to the app's
 * MutationCache and devtools). Neither is retried: a grant is single-use and an upload may cost a
 * credit. `networkMode: "always"` so an offline browser fails with `network` instead of waiting.
 */
import { createDiditBackendClient, type SelfieCompareFlowOptions } from "@facekit/core";
import { MutationObserver } from "@tanstack/react-query";
import type { FlowContext } from "./useFlow.ts";

/** Routes a hook may replace (tests, stories, your own upload). */
export type DiditRoutes = Partial<Pick<SelfieCompareFlowOptions, "getGrant" | "compare">>;

/**
 * The backend half of a selfie compare flow's options, read through `latest` at call time (the
 * latest provider value, and the hook's own routes). `id` keys the grant query.
 * @example
 * createSelfieCompareFlow({ ...diditBackend(context) });
 */
export function diditBackend({
  id,
  latest,
}: FlowContext<DiditRoutes>): Pick<SelfieCompareFlowOptions, "getGrant" | "compare"> {
  const kit = () => latest.current.kit;
  const custom = () => latest.current.options;
  const client = () => createDiditBackendClient(kit().config);
  return {
    async getGrant() {
      const { queryClient } = kit();
      const queryKey = ["facekit", "didit", "grant", id];
      const grant = await queryClient.fetchQuery({
        queryKey,
        // The query's own signal, not the flow's: StrictMode's second mount shares this request,
        // and the first mount's flow is destroyed (its signal aborted) while it is in flight.
        queryFn: ({ signal }) => (custom().getGrant ?? client().getGrant)(signal),
        retry: false,
        networkMode: "always",
      });
      // Taken: the next attempt gets a new one.
      queryClient.removeQueries({ queryKey, exact: true });
      return grant;
    },
    async compare(grant, images, upload) {
      const observer = new MutationObserver(kit().queryClient, {
        mutationKey: ["facekit", "didit", "compare"],
        mutationFn: () => (custom().compare ?? client().compare)(grant, images, upload),
        retry: false,
        networkMode: "always",
        gcTime: 0, // do not keep the photos in the cache...
      });
      try {
        return await observer.mutate();
      } finally {
        observer.reset(); // ...which needs the observer gone, or the mutation stays
      }
    },
  };
}
