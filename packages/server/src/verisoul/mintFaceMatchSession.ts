import type { FaceMatchSession } from "@facekit/core/protocol";
import { hostedFlowUrl, type ResolvedVerisoul } from "./resolveVerisoul.ts";
import { signSessionToken } from "./sessionToken.ts";

/** How long a token outlives the session's expiry hint: results are read after the flow ends. */
const tokenGraceMs = 60 * 60_000;

/**
 * Creates a Verisoul session for `accountId` and wraps it as a {@link FaceMatchSession}: the
 * hosted URL built from server config (its language picked by `locale` among `langs`), an
 * expiry hint, and a token binding the session to the
 * account (HS256, valid for `sessionTtlMs` + 1 h).
 * @example
 * const session = await mintFaceMatchSession(verisoul, key, "user_42");
 */
export async function mintFaceMatchSession(
  verisoul: ResolvedVerisoul,
  key: Uint8Array,
  accountId: string,
  input: { referringSessionId?: string; locale?: string } = {},
): Promise<FaceMatchSession> {
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
