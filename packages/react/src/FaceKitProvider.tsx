import { createBackendPost, createVerisoulBackendClient } from "@facekit/core";
import { QueryClient } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import type { FaceKitMessageOverrides } from "./FaceKitMessages.ts";
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
  /**
   * The user's language (BCP 47, e.g. `es`, `fr-CA`). Default: the `locale` of `messages`. Sent
   * to your backend when a session is minted, so the vendor's page follows it (the server maps it
   * to a language its config allows, or ignores it).
   */
  locale?: string;
  /**
   * The words of every component: a catalogue (`es` from `@facekit/react/locales/es`, `fr` from
   * `…/fr`) or your own; words left out are English. A component's `messages` prop wins over these.
   */
  messages?: FaceKitMessageOverrides;
  children?: ReactNode;
}

/**
 * Gives FaceKit's hooks and components your backend route and the user's language. No
 * QueryClientProvider needed.
 * @example
 * import { es } from "@facekit/react/locales/es";
 * <FaceKitProvider endpoint="/api/facekit" messages={es}>
 *   <FaceMatchButton onComplete={(result) => save(result)} />
 * </FaceKitProvider>
 */
export function FaceKitProvider({
  endpoint,
  queryClient,
  fetch,
  headers,
  locale,
  messages,
  children,
}: FaceKitProviderProps) {
  const [ownClient] = useState(() => new QueryClient());
  const client = queryClient ?? ownClient;
  // The backend clients are stateless: re-creating them with the value costs nothing.
  const value = useMemo(() => {
    const config = { endpoint, fetch, headers, locale: locale ?? messages?.locale };
    const backend = createVerisoulBackendClient(config);
    return { backend, post: createBackendPost(config), config, queryClient: client, messages };
  }, [endpoint, fetch, headers, locale, messages, client]);
  return <FaceKitContext.Provider value={value}>{children}</FaceKitContext.Provider>;
}
