/**
 * Server state of a FaceSign session through React Query: one mint per hook instance and attempt
 * (StrictMode's double mount shares it), and concurrent status or refresh asks share one request.
 */
import {
  type FaceSignFlowOptions,
  type FaceSignSession,
  faceSignBackendClient,
} from "@facekit/core";
import type { FlowContext } from "./useFlow.ts";

type Mint = (signal: AbortSignal) => Promise<FaceSignSession>;

/**
 * The backend half of a FaceSign flow's options, read through `latest` at call time (the
 * provider's latest value, and the hook's own minting `getSession`); `id` keys its query.
 * @example
 * createFaceSignFlow({ ...faceSignBackend(context) });
 */
export function faceSignBackend({
  id,
  latest,
}: FlowContext<{ getSession?: Mint }>): Pick<
  FaceSignFlowOptions,
  "getSession" | "refresh" | "getStatus"
> {
  const kit = () => latest.current.kit;
  const client = () => faceSignBackendClient(kit().post, kit().config.locale);
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
        queryFn: ({ signal }) =>
          (latest.current.options.getSession ?? client().mintFaceSignSession)(signal),
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
