import type { BackendClientOptions, BackendPost, VerisoulBackendClient } from "@facekit/core";
import { FaceKitError } from "@facekit/core";
import type { QueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";

// Typed locally (see core's internal/dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

import type { FaceKitMessageOverrides } from "../FaceKitMessages.ts";

/**
 * What `<FaceKitProvider>` shares with the hooks.
 * @example
 * const value: FaceKitContextValue = { backend, post, config: { endpoint }, queryClient };
 */
export interface FaceKitContextValue {
  backend: VerisoulBackendClient;
  /**
   * The connection the other vendors' clients are built on (`faceSignBackendClient(post)`), so a
   * component's bundle does not carry a second copy of what the provider already has.
   */
  post: BackendPost;
  /**
   * What `backend` was created with (`locale` included); other vendors' clients are created from
   * it where used.
   */
  config: BackendClientOptions;
  queryClient: QueryClient;
  /** The provider's words; each component lays them over its English defaults. */
  messages?: FaceKitMessageOverrides;
}

/**
 * Internal: read it through {@link useFaceKit}.
 * @example
 * <FaceKitContext.Provider value={{ backend, queryClient }}>{children}</FaceKitContext.Provider>
 */
export const FaceKitContext = /* @__PURE__ */ createContext<FaceKitContextValue | null>(null);

/**
 * The provider's value, or a misuse error that names the fix.
 * @example
 * const { backend, queryClient } = useFaceKit("useFaceMatch");
 */
export function useFaceKit(hook: string): FaceKitContextValue {
  const value = useContext(FaceKitContext);
  if (!value) {
    throw new FaceKitError(
      "misconfigured",
      typeof process === "object" && process.env.NODE_ENV !== "production"
        ? `${hook} must be used inside <FaceKitProvider>`
        : undefined,
    );
  }
  return value;
}
