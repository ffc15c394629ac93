/**
 * Server state of a Face Match: minting goes through React Query so a prefetched session is reused,
 * and a session leaves the cache the moment a flow takes it (a token is never used twice).
 */
import type { FaceMatchFlowOptions, FaceMatchSession } from "@facekit/core";
import { type FlowContext, noop } from "./useFlow.ts";

type Mint = (signal: AbortSignal) => Promise<FaceMatchSession>;

/**
 * The backend half of a Face Match flow's options, plus `prefetch`, read through `latest` at call
 * time (the provider's latest value, and the hook's own minting `getSession`). `id` keys the mint
 * of this hook instance; a cached session turns stale 30 s before it expires, so an old one is
 * minted again rather than opened late. Concurrent result asks share one request.
 * @example
 * const backend = verisoulBackend(context);
 * createFaceMatchFlow({ ...backend });
 * backend.prefetch();
 */
export function verisoulBackend({ id, latest }: FlowContext<{ getSession?: Mint }>): Pick<
  FaceMatchFlowOptions,
  "getSession" | "getResult"
> & {
  prefetch(): void;
} {
  const kit = () => latest.current.kit;
  const mint = {
    queryKey: ["facekit", "verisoul", "session", id],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      (latest.current.options.getSession ?? kit().backend.mintFaceMatchSession)(signal),
    staleTime: ({ state }: { state: { data?: FaceMatchSession; dataUpdatedAt: number } }) =>
      state.data ? state.data.expiresAt - 30_000 - state.dataUpdatedAt : 0,
    retry: false,
  };
  return {
    async getSession() {
      const { queryClient } = kit();
      const session = await queryClient.fetchQuery(mint);
      // Taken: the next attempt mints a new one.
      queryClient.removeQueries({ queryKey: mint.queryKey, exact: true });
      return session;
    },
    getResult: (session) =>
      kit().queryClient.fetchQuery({
        queryKey: ["facekit", "verisoul", "result", session.sessionId],
        queryFn: ({ signal }) => kit().backend.getFaceMatchResult(session.token, signal),
        staleTime: 0,
        retry: false,
      }),
    prefetch() {
      kit().queryClient.fetchQuery(mint).catch(noop);
    },
  };
}
