/** One import per key: the resolved config's key bytes are created once per handler. */
const imported = new WeakMap<Uint8Array, Promise<CryptoKey>>();

/**
 * The HMAC-SHA-256 `CryptoKey` of `bytes` (the handler's `secret`), imported on first use and
 * kept for as long as `bytes` lives: jose would otherwise import raw bytes on every sign and
 * verify. `resolveConfig` creates the bytes once per handler, so each handler imports once.
 * @example
 * const token = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(await hmacKey(app.key));
 */
export function hmacKey(bytes: Uint8Array): Promise<CryptoKey> {
  let key = imported.get(bytes);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      new Uint8Array(bytes),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    imported.set(bytes, key);
  }
  return key;
}
