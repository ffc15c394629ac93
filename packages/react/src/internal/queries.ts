/**
 * Server state of a Face Match: minting goes through React Query so a prefetched session is reused,
 * and a session leaves the cache the moment a flow takes it (a token is never used twice).
 */
import type { BackendClient, FaceMatchResultResponse, FaceMatchSession } from "@facekit/core";
import type { QueryClient } from "@tanstack/react-query";

type Mint = (signal: AbortSignal) => Promise<FaceMatchSession>;

/**
 * Query options of a session mint. A cached session turns stale 30 s before it expires, so an
 * old one is minted again rather than opened late.
 * @example
 * queryClient.fetchQuery(sessionQuery(["facekit", "verisoul", "session", id], mint));
 */
export function sessionQuery(queryKey: readonly unknown[], mint: Mint) {
  return {
    queryKey,
    queryFn: ({ signal }: { signal: AbortSignal }) => mint(signal),
    staleTime: ({ state }: { state: { data?: FaceMatchSession; dataUpdatedAt: number } }) =>
      state.data ? state.data.expiresAt - 30_000 - state.dataUpdatedAt : 0,
    retry: false,
  };
}

/**
 * Fetches (or reuses a prefetched) session and removes it from the cache.
 * @example
 * const session = await takeSession(queryClient, sessionQuery(key, mint));
 */
export async function takeSession(
  client: QueryClient,
  options: ReturnType<typeof sessionQuery>,
): Promise<FaceMatchSession> {
  const session = await client.fetchQuery(options);
  client.removeQueries({ queryKey: options.queryKey, exact: true });
  return session;
}

/**
 * Asks the backend for a session's result; concurrent asks share one request.
 * @example
 * const answer = await fetchResult(queryClient, backend, session);
 */
export function fetchResult(
  client: QueryClient,
  backend: BackendClient,
  session: FaceMatchSession,
): Promise<FaceMatchResultResponse> {
  return client.fetchQuery({
    queryKey: ["facekit", "verisoul", "result", session.sessionId],
    queryFn: ({ signal }) => backend.getFaceMatchResult(session.token, signal),
    staleTime: 0,
    retry: false,
  });
}
