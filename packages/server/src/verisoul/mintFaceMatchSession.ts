import type { FaceMatchSession } from "@facekit/core/protocol";
import { assertStoreReachable } from "../store/assertStoreReachable.ts";
import type { FaceKitStore } from "../store/types.ts";
import { hostedFlowUrl, type ResolvedVerisoul } from "./resolveVerisoul.ts";
import { signSessionToken } from "./sessionToken.ts";

/** How long a token outlives the session's expiry hint: results are read after the flow ends. */
const tokenGraceMs = 60 * 60_000;

/**
 * Creates a Verisoul session for `accountId` and wraps it as a {@link FaceMatchSession}: the
 * hosted URL built from server config (its language picked by `locale` among `langs`), an
 * expiry hint, and a token binding the session to the
 * account (HS256, valid for `sessionTtlMs` + 1 h). Fails closed: when `store` does not answer,
 * `store_unavailable` and no Verisoul call (its results could not be kept or delivered once).
 * @example
 * const session = await mintFaceMatchSession(verisoul, key, store, "user_42");
 */
export async function mintFaceMatchSession(
  verisoul: ResolvedVerisoul,
  key: Uint8Array,
  store: FaceKitStore,
  accountId: string,
  input: { referringSessionId?: string; locale?: string } = {},
): Promise<FaceMatchSession> {
  await assertStoreReachable(store);
  const { sessionId } = await verisoul.client.createSession({
    referringSessionId: input.referringSessionId,
    simulate: verisoul.simulate,
  });
  const now = Date.now();
  const expiresAt = now + verisoul.sessionTtlMs;
  const token = await signSessionToken(
    key,
    { sid: sessionId, sub: accountId },
    expiresAt + tokenGraceMs,
  );
  return { sessionId, url: hostedFlowUrl(verisoul, sessionId, input.locale), expiresAt, token };
}
