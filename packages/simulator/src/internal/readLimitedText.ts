/** Largest request body the simulator reads (its forms and JSON controls are tiny). */
const maxBodyBytes = 64 * 1024;

/**
 * Reads at most `max` bytes of a request body; answers `null` past that (by `content-length`, or
 * while reading), so a caller can turn it into a 400/413 and the rest is never buffered.
 * @example
 * const bytes = await readLimitedBytes(req, 11 * 1024 * 1024);
 */
export async function readLimitedBytes(
  req: Request,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(req.headers.get("content-length") ?? 0) > max) return null;
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/**
 * Reads a request body as text, at most `max` bytes; `null` past that (see
 * {@link readLimitedBytes}).
 * @example
 * const text = await readLimitedText(req);
 * if (text === null) return flatError(413, "Body too large");
 */
export async function readLimitedText(req: Request, max = maxBodyBytes): Promise<string | null> {
  const bytes = await readLimitedBytes(req, max);
  return bytes && new TextDecoder().decode(bytes);
}
