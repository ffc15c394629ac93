import { FaceKitError } from "@facekit/core/protocol";
import { errors, jwtVerify, SignJWT } from "jose";
import * as v from "valibot";

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
    .sign(key);
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
    ({ payload } = await jwtVerify(token, key, { algorithms: ["HS256"], audience: grantAudience }));
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

/** Live grants one instance remembers as used; beyond it new uploads wait. */
const maxRemembered = 100_000;

/**
 * The default single-use check: grant ids used on this instance, each kept until it expires.
 * @example
 * const consume = createGrantLedger();
 * consume(claims.jti, claims.exp * 1000); // true the first time, false after
 */
export function createGrantLedger(
  now = () => Date.now(),
): (id: string, expiresAt: number) => boolean {
  const used = new Map<string, number>();
  return (id, expiresAt) => {
    const t = now();
    // Oldest first, and grants share one lifetime: the first live one ends the sweep.
    for (const [old, until] of used) {
      if (until > t) break;
      used.delete(old);
    }
    if (used.has(id)) return false;
    // Forgetting a live grant would let it be replayed: refuse new uploads instead.
    if (used.size >= maxRemembered) {
      throw new FaceKitError("rate_limited", "Too many uploads at once; try again shortly.", {
        retryAfter: 30,
      });
    }
    used.set(id, expiresAt);
    return true;
  };
}
