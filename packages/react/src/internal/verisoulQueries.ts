/**
 * Server state of a Face Match: minting goes through React Query so a prefetched session is reused,
 * and a session leaves the cache the moment a flow takes it (a token is never used twice).
 */
import type { FaceMatchResultResponse, FaceMatchSession } from "@facekit/core";
import type { FaceKitContextValue } from "./FaceKitContext.ts";

type Mint = (signal: AbortSignal) => Promise<FaceMatchSession>;

/**
 * Query options of the session mint of one hook instance (`id`). A cached session turns stale
 * 30 s before it expires, so an old one is minted again rather than opened late.
 * @example
 * queryClient.fetchQuery(sessionQuery(useId(), mint));
 */
export function sessionQuery(id: string, mint: Mint) {
  return {
    queryKey: ["facekit", "verisoul", "session", id],
    queryFn: ({ signal }: { signal: AbortSignal }) => mint(signal),
    staleTime: ({ state }: { state: { data?: FaceMatchSession; dataUpdatedAt: number } }) =>
      state.data ? state.data.expiresAt - 30_000 - state.dataUpdatedAt : 0,
    retry: false,
  };
}

/**
 * Fetches (or reuses a prefetched) session and removes it from the cache.
 * @example
 * const session = await takeSession(kit, sessionQuery(id, mint));
 */
export async function takeSession(
  { queryClient }: FaceKitContextValue,
  options: ReturnType<typeof sessionQuery>,
): Promise<FaceMatchSession> {
  const session = await queryClient.fetchQuery(options);
  queryClient.removeQueries({ queryKey: options.queryKey, exact: true });
  return session;
}

/**
 * Asks the backend for a session's result; concurrent asks share one request.
 * @example
 * const answer = await fetchResult(kit, session);
 */
export function fetchResult(
  { queryClient, backend }: FaceKitContextValue,
  session: FaceMatchSession,
): Promise<FaceMatchResultResponse> {
  return queryClient.fetchQuery({
    queryKey: ["facekit", "verisoul", "result", session.sessionId],
    queryFn: ({ signal }) => backend.getFaceMatchResult(session.token, signal),
    staleTime: 0,
    retry: false,
  });
}
