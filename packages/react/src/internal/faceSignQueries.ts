/**
 * Server state of a FaceSign session through React Query: one mint per hook instance and attempt
 * (StrictMode's double mount shares it), and concurrent status or refresh asks share one request.
 */
import {
  createFaceSignBackendClient,
  type FaceSignFlowOptions,
  type FaceSignSession,
} from "@facekit/core";
import type { FaceKitContextValue } from "./FaceKitContext.ts";

type Mint = (signal: AbortSignal) => Promise<FaceSignSession>;

/**
 * The backend half of a FaceSign flow's options, read through `kit()` at call time (the provider's
 * latest value). `mint` is the hook's own minting; `id` keys its query.
 * @example
 * createFaceSignFlow({ ...faceSignBackend(useId(), () => kit, mint) });
 */
export function faceSignBackend(
  id: string,
  kit: () => FaceKitContextValue,
  mint: () => Mint | undefined,
): Pick<FaceSignFlowOptions, "getSession" | "refresh" | "getStatus"> {
  const client = () => createFaceSignBackendClient(kit().config);
  const fetchOnce = <T>(key: string[], fn: (signal: AbortSignal) => Promise<T>) =>
    kit().queryClient.fetchQuery({
      queryKey: ["facekit", "facesign", ...key],
      queryFn: ({ signal }) => fn(signal),
      staleTime: 0,
      retry: false,
    });
  return {
    async getSession() {
      const { queryClient } = kit();
      const queryKey = ["facekit", "facesign", "session", id];
      const session = await queryClient.fetchQuery({
        queryKey,
        queryFn: ({ signal }) => (mint() ?? client().mintFaceSignSession)(signal),
        retry: false,
      });
      // Taken: the next attempt mints a new one.
      queryClient.removeQueries({ queryKey, exact: true });
      return session;
    },
    refresh: (sessionId) =>
      fetchOnce(["refresh", sessionId], (s) => client().refreshFaceSignSession(sessionId, s)),
    getStatus: (request) =>
      fetchOnce(["status", request.sessionId, request.clientSecret ?? ""], (s) =>
        client().getFaceSignStatus(request, s),
      ),
  };
}
