import { createBackendClient } from "@facekit/core";
import { QueryClient } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import { FaceKitContext } from "./internal/FaceKitContext.ts";

/**
 * Props of {@link FaceKitProvider}.
 * @example
 * const props: FaceKitProviderProps = { endpoint: "/api/facekit", children: null };
 */
export interface FaceKitProviderProps {
  /** Where your backend mounted FaceKit's handler, e.g. `/api/facekit`. */
  endpoint: string;
  /** Share your app's client; by default the provider creates its own, once. */
  queryClient?: QueryClient;
  /** Custom `fetch` (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Extra headers for every backend call (CSRF token...). */
  headers?: Record<string, string>;
  children?: ReactNode;
}

/**
 * Gives FaceKit's hooks and components your backend route. No QueryClientProvider needed.
 * @example
 * <FaceKitProvider endpoint="/api/facekit">
 *   <FaceMatchButton onComplete={(result) => save(result)} />
 * </FaceKitProvider>
 */
export function FaceKitProvider({
  endpoint,
  queryClient,
  fetch,
  headers,
  children,
}: FaceKitProviderProps) {
  const [ownClient] = useState(() => new QueryClient());
  const client = queryClient ?? ownClient;
  // The backend client is stateless: re-creating it with the value costs nothing.
  const value = useMemo(() => {
    const config = { endpoint, fetch, headers };
    return { backend: createBackendClient(config), config, queryClient: client };
  }, [endpoint, fetch, headers, client]);
  return <FaceKitContext.Provider value={value}>{children}</FaceKitContext.Provider>;
}
