import { FaceKitError } from "@facekit/core/protocol";
import { errors, jwtVerify, SignJWT } from "jose";
import * as v from "valibot";
import { hmacKey } from "../internal/hmacKey.ts";

/** `aud` of Verisoul session tokens: a token minted for anything else is refused. */
const verisoulAudience = "facekit:verisoul";

const claimsSchema = v.object({
  sid: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  sub: v.pipe(v.string(), v.minLength(1)),
  exp: v.pipe(v.number(), v.finite()),
});

/** What a session token proves: this Verisoul session was minted for this account. */
export interface SessionClaims {
  sid: string;
  sub: string;
  /** Expiry, epoch seconds (JWT `exp`); results are kept no longer than this. */
  exp: number;
}

/** The same answer for every unusable token, so nobody learns whether a session exists. */
function unknownSession(cause?: unknown): FaceKitError {
  return new FaceKitError("session_invalid", "Unknown or invalid session token.", { cause });
}

/**
 * Signs `{sid, sub, aud}` with HS256 (jose), expiring at `expiresAtMs`.
 * @example
 * const token = await signSessionToken(key, { sid: sessionId, sub: accountId }, Date.now() + 3_600_000);
 */
export async function signSessionToken(
  key: Uint8Array,
  claims: Pick<SessionClaims, "sid" | "sub">,
  expiresAtMs: number,
): Promise<string> {
  return new SignJWT({ sid: claims.sid })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setAudience(verisoulAudience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAtMs / 1000))
    .sign(await hmacKey(key));
}

/**
 * Verifies a session token: bad signature or shape (`exp` included) -> `session_invalid` (404),
 * past its expiry -> `session_expired` (410). jose checks the signature before the expiry, so a
 * forged token never reads as merely expired.
 * @example
 * const { sid, sub } = await verifySessionToken(key, body.token);
 */
export async function verifySessionToken(key: Uint8Array, token: string): Promise<SessionClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, await hmacKey(key), {
      algorithms: ["HS256"],
      audience: verisoulAudience,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new FaceKitError(
        "session_expired",
        "This session token expired: start a new session.",
        {
          cause: error,
        },
      );
    }
    throw unknownSession(error);
  }
  const claims = v.safeParse(claimsSchema, payload);
  if (!claims.success) throw unknownSession(new v.ValiError(claims.issues));
  return claims.output;
}

/**
 * Throws the same `session_invalid` as a bad token when the token belongs to another account.
 * @example
 * assertOwnedBy(claims, auth.accountId);
 */
export function assertOwnedBy(claims: SessionClaims, accountId: string): void {
  if (claims.sub !== accountId) throw unknownSession();
}
