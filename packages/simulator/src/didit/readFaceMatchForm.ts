import { diditMaxImageBytes } from "@facekit/core/protocol";
import { readLimitedBytes } from "../internal/readLimitedText.ts";

/** Most the simulator reads of one request: two images at the limit plus room for the fields. */
export const maxFaceMatchBodyBytes = 2 * diditMaxImageBytes + 1024 * 1024;

/** The parsed multipart body, or the `detail` of a 400. */
export type FormReadResult = { ok: true; form: FormData } | { ok: false; detail: string };

/**
 * Reads a `multipart/form-data` body of at most {@link maxFaceMatchBodyBytes}. Other content
 * types, larger bodies and broken multipart answer a `detail` for a 400 (Didit: "malformed
 * request"; the wording follows Django REST framework [I]).
 * @example
 * const read = await readFaceMatchForm(req);
 * if (!read.ok) return diditDetail(400, read.detail);
 */
export async function readFaceMatchForm(
  req: Request,
  max = maxFaceMatchBodyBytes,
): Promise<FormReadResult> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return { ok: false, detail: `Unsupported media type "${type}" in request.` };
  }
  const bytes = await readLimitedBytes(req, max);
  if (!bytes) {
    return { ok: false, detail: `Request body exceeds ${max} bytes (two 5 MB images and fields).` };
  }
  try {
    const form = await new Response(bytes, { headers: { "content-type": type } }).formData();
    return { ok: true, form };
  } catch (error) {
    return { ok: false, detail: `Multipart form parse error - ${(error as Error).message}` };
  }
}
