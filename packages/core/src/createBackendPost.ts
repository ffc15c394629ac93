import { toBackendError } from "./internal/toBackendError.ts";
import { isAbortError } from "./internal/toFaceKitError.ts";
import { FaceKitError } from "./protocol/index.ts";
import type { BackendClientOptions } from "./types.ts";

// Typed locally (see ./internal/dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/** A parsed JSON body (`undefined` when it was not JSON). */
export type Json = Record<string, unknown> | null | undefined;

/**
 * POSTs `body` as JSON to `{endpoint}/{route}` and resolves with the answer when `isValid` takes
 * it. Every failure is a {@link FaceKitError}; aborts pass through as `AbortError`.
 */
export type BackendPost = <T>(
  route: string,
  body: object,
  signal: AbortSignal | undefined,
  isValid: (data: Json) => boolean,
) => Promise<T>;

/**
 * The one POST-JSON helper of every backend client. Each `create…BackendClient(options)` makes
 * its own; an adapter that serves several flows makes one and builds the clients on it
 * (`faceSignBackendClient(post)`), as `<FaceKitProvider>` does, so a component's bundle carries
 * no second copy.
 * @example
 * const post = createBackendPost({ endpoint: "/api/facekit" });
 * const facesign = faceSignBackendClient(post, "fr");
 */
export function createBackendPost(config: BackendClientOptions): BackendPost {
  const { endpoint, headers, credentials = "same-origin" } = config;
  const base = endpoint.replace(/\/+$/, "");
  return async function post<T>(
    route: string,
    body: object,
    signal: AbortSignal | undefined,
    isValid: (data: Json) => boolean,
  ): Promise<T> {
    const url = `${base}/${route}`;
    let res: Response;
    try {
      res = await (config.fetch ?? fetch)(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
        credentials,
        signal,
      });
    } catch (cause) {
      throw isAbortError(cause)
        ? cause
        : new FaceKitError(
            "network",
            typeof process === "object" && process.env.NODE_ENV !== "production"
              ? `Could not reach ${url}`
              : undefined,
            {
              cause,
            },
          );
    }
    // A non-JSON body (proxy error page...) reads as `undefined` and fails the checks below.
    const data: Json = await res.json().catch((e: unknown) => {
      if (isAbortError(e)) throw e;
    });
    if (!res.ok) throw toBackendError(url, res.status, data);
    if (isValid(data)) return data as T;
    throw new FaceKitError(
      "internal",
      typeof process === "object" && process.env.NODE_ENV !== "production"
        ? "Unexpected answer from the FaceKit backend"
        : undefined,
    );
  };
}
