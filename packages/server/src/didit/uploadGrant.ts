import { FaceKitError } from "@facekit/core/protocol";
import { errors, jwtVerify, SignJWT } from "jose";
import * as v from "valibot";
import { hmacKey } from "../internal/hmacKey.ts";

/** `aud` of upload grants: a token minted for anything else is refused. */
const grantAudience = "facekit:didit";

const claimsSchema = v.object({
  jti: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  sub: v.pipe(v.string(), v.minLength(1)),
  exp: v.pipe(v.number(), v.finite()),
  max: v.pipe(v.number(), v.integer(), v.minValue(1)),
  ref: v.picklist(["upload", "server"]),
});

/** What an upload grant proves: one upload of at most `max` bytes per image, for `sub`. */
export type GrantClaims = v.InferOutput<typeof claimsSchema>;

/** The same answer for every unusable grant, so nobody learns why. */
export function invalidGrant(cause?: unknown): FaceKitError {
  return new FaceKitError("session_invalid", "This upload grant is not valid: ask for a new one.", {
    cause,
  });
}

/**
 * Signs a grant with HS256 (jose). `exp` is in epoch seconds, like every JWT.
 * @example
 * const token = await signGrant(key, { jti: crypto.randomUUID(), sub: user.id, exp, max, ref: "upload" });
 */
export async function signGrant(key: Uint8Array, claims: GrantClaims): Promise<string> {
  const { jti, sub, exp, max, ref } = claims;
  return new SignJWT({ max, ref })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setJti(jti)
    .setSubject(sub)
    .setAudience(grantAudience)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(await hmacKey(key));
}

/**
 * Verifies a grant: missing, forged or malformed -> `session_invalid`, past its expiry ->
 * `session_expired`. jose checks the signature first, so a forgery never reads as expired.
 * @example
 * const claims = await verifyGrant(key, request.headers.get(grantHeader));
 */
export async function verifyGrant(key: Uint8Array, token: string | null): Promise<GrantClaims> {
  if (!token) throw invalidGrant();
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, await hmacKey(key), {
      algorithms: ["HS256"],
      audience: grantAudience,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new FaceKitError("session_expired", "This upload grant expired: ask for a new one.", {
        cause: error,
      });
    }
    throw invalidGrant(error);
  }
  const claims = v.safeParse(claimsSchema, payload);
  if (!claims.success) throw invalidGrant(new v.ValiError(claims.issues));
  return claims.output;
}
