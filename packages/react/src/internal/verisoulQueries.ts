/**
 * Server state of a Face Match: minting goes through React Query so a prefetched session is reused,
 * and a session leaves the cache the moment a flow takes it (a token is never used twice). A ready
 * `session` of the hook's options comes first, once.
 */
import type { FaceMatchFlowOptions, FaceMatchSession } from "@facekit/core";
import type { FlowContext } from "./useFlow.ts";

/**
 * What the backend half reads of the hook's options (at call time): its own minting, its ready
 * session and the id of the ready session already used (kept across flows).
 * @example
 * const options: VerisoulOptions = { session, used: useRef<string>(undefined) };
 */
export interface VerisoulOptions {
  getSession?: (signal: AbortSignal) => Promise<FaceMatchSession>;
  session?: FaceMatchSession;
  used: { current?: string };
}

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
export function verisoulBackend({ id, latest }: FlowContext<VerisoulOptions>): Pick<
  FaceMatchFlowOptions,
  "getSession" | "getResult"
> & {
  prefetch(): void;
} {
  const kit = () => latest.current.kit;
  const options = () => latest.current.options;
  const readyId = options().session?.sessionId;
  // The ready session, until it is used (a new one makes a new flow: it is this flow's own).
  const unused = () => (readyId !== options().used.current ? options().session : undefined);
  const mint = {
    queryKey: ["facekit", "verisoul", "session", id],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      (options().getSession ?? kit().backend.mintFaceMatchSession)(signal),
    staleTime: ({ state }: { state: { data?: FaceMatchSession; dataUpdatedAt: number } }) =>
      state.data ? state.data.expiresAt - 30_000 - state.dataUpdatedAt : 0,
    retry: false,
  };
  return {
    async getSession() {
      const ready = unused();
      if (ready) {
        options().used.current = readyId;
        return ready;
      }
      const { queryClient } = kit();
      const session = await queryClient.fetchQuery(mint);
      // Taken: the next attempt mints a new one.
      queryClient.removeQueries({ queryKey: mint.queryKey });
      return session;
    },
    getResult: (session) =>
      kit().queryClient.fetchQuery({
        queryKey: ["facekit", "verisoul", "result", session.sessionId],
        queryFn: ({ signal }) => kit().backend.getFaceMatchResult(session.token, signal),
        staleTime: 0,
        retry: false,
      }),
    // An unused ready `session` comes first; warming another would waste a token.
    prefetch() {
      if (!unused()) kit().queryClient.prefetchQuery(mint);
    },
  };
}
