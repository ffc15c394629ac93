/** Largest request body the simulator reads (its forms and JSON controls are tiny). */
export const maxBodyBytes = 64 * 1024;

/**
 * Reads a request body as text, at most `max` bytes; answers `null` past that, so a caller can
 * turn it into a 400/413 without buffering an unbounded upload.
 * @example
 * const text = await readLimitedText(req);
 * if (text === null) return flatError(413, "Body too large");
 */
export async function readLimitedText(req: Request, max = maxBodyBytes): Promise<string | null> {
  if (Number(req.headers.get("content-length") ?? 0) > max) return null;
  if (!req.body) return "";
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
  return new TextDecoder().decode(all);
}
