import { FaceKitError } from "../protocol/index.ts";
import { toBackendError } from "./toBackendError.ts";
import { isAbortError } from "./toFaceKitError.ts";

// Typed locally (see ./dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Where and how the browser reaches the developer's FaceKit routes (see `BackendClientOptions`).
 * @example
 * const config: PostConfig = { endpoint: "/api/facekit" };
 */
export interface PostConfig {
  endpoint: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
}

/** A parsed JSON body (`undefined` when it was not JSON). */
export type Json = Record<string, unknown> | null | undefined;

/**
 * The one POST-JSON helper of every backend client: `post(route, body, signal, isValid)`. Every
 * failure becomes a {@link FaceKitError}; aborts pass through as `AbortError`.
 * @example
 * const post = createPost({ endpoint: "/api/facekit" });
 * const session = await post("verisoul/session", {}, signal, (d) => !!d);
 */
export function createPost(config: PostConfig) {
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
            typeof process !== "undefined" && process.env.NODE_ENV !== "production"
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
      typeof process !== "undefined" && process.env.NODE_ENV !== "production"
        ? "Unexpected answer from the FaceKit backend"
        : undefined,
    );
  };
}
