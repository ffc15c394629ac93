import { FaceKitError } from "@facekit/core/protocol";
import type { AuthorizeResult, FaceKitServerConfig } from "../types.ts";

/**
 * Runs the developer's `authorize(request)`: `null` -> `unauthorized` (401); a result without a
 * usable `accountId` is a setup bug and says how to fix it.
 * @example
 * const auth = await authorizeRequest(config.authorize, request);
 */
export async function authorizeRequest(
  authorize: FaceKitServerConfig["authorize"],
  request: Request,
): Promise<AuthorizeResult> {
  const auth = await authorize(request);
  if (auth === null || auth === undefined) {
    throw new FaceKitError(
      "unauthorized",
      "Sign in first: authorize(request) refused this request.",
    );
  }
  if (
    typeof auth.accountId !== "string" ||
    auth.accountId.length === 0 ||
    auth.accountId.length > 256
  ) {
    throw new FaceKitError(
      "misconfigured",
      "authorize(request) must return { accountId: string } (1-256 characters) or null.",
    );
  }
  return auth;
}
