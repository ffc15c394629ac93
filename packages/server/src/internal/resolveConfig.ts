import { FaceKitError } from "@facekit/core/protocol";
import { type ResolvedDidit, resolveDidit } from "../didit/resolveDidit.ts";
import { type ResolvedFaceSign, resolveFaceSign } from "../facesign/resolveFaceSign.ts";
import { createMemoryStore } from "../store/createMemoryStore.ts";
import type { FaceKitStore } from "../store/types.ts";
import type { FaceKitServerConfig } from "../types.ts";
import { type ResolvedVerisoul, resolveVerisoul } from "../verisoul/resolveVerisoul.ts";
import { type ResolvedRations, resolveRations } from "./createRation.ts";

/** {@link FaceKitServerConfig} checked, with each configured vendor resolved. */
export interface ResolvedConfig {
  /**
   * HMAC key of session tokens and upload grants (the `secret`), created once per handler: its
   * `CryptoKey` is imported on first use and kept (`hmacKey`).
   */
  key: Uint8Array;
  authorize: FaceKitServerConfig["authorize"];
  onError: FaceKitServerConfig["onError"];
  /** The app's store, or this handler's own memory store. */
  store: FaceKitStore;
  /** Per-account rations of the vendor routes, defaults filled in. */
  rations: ResolvedRations;
  verisoul: ResolvedVerisoul | undefined;
  facesign: ResolvedFaceSign | undefined;
  didit: ResolvedDidit | undefined;
}

/**
 * Every check of the handler's config, in this one function: the shared settings, then each
 * configured vendor (defaults applied, clients built). Throws `misconfigured` with a message
 * naming the fix. Called on the handler's first use (a request, `check()` at boot, or
 * `mintFaceMatchSession`), never at import or creation.
 * @example
 * const app = resolveConfig(config);
 */
export function resolveConfig(config: FaceKitServerConfig): ResolvedConfig {
  if (typeof config?.secret !== "string" || config.secret.length < 32) {
    throw new FaceKitError(
      "misconfigured",
      "createFaceKitHandler: `secret` must be at least 32 characters. Generate one with `openssl rand -base64 32` and read it from an environment variable.",
    );
  }
  if (typeof config.authorize !== "function") {
    throw new FaceKitError(
      "misconfigured",
      "createFaceKitHandler: `authorize(request)` is required; return { accountId } for a signed-in user or null.",
    );
  }
  const store = config.store ?? createMemoryStore();
  return {
    key: new TextEncoder().encode(config.secret),
    authorize: config.authorize,
    onError: config.onError,
    store,
    rations: resolveRations(config.rations),
    verisoul: config.verisoul ? resolveVerisoul(config.verisoul) : undefined,
    facesign: config.facesign ? resolveFaceSign(config.facesign) : undefined,
    didit: config.didit ? resolveDidit(config.didit, store) : undefined,
  };
}
