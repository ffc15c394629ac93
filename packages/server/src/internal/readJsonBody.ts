import { FaceKitError } from "@facekit/core/protocol";
import * as v from "valibot";

/** Largest JSON body a FaceKit route accepts, in bytes. */
const maxBodyBytes = 4096;

function badRequest(message: string, cause?: unknown): FaceKitError {
  return new FaceKitError("bad_request", message, { cause });
}

/**
 * How slow a body may be: all of it within `timeoutMs`, and after `graceMs` at least
 * `minBytesPerSecond` on average since the grace ended (0 turns the rate check off).
 */
export interface ReadPace {
  timeoutMs: number;
  minBytesPerSecond: number;
  graceMs: number;
}

/**
 * Reads at most `limit` bytes: refused before reading when `content-length` says more, and as
 * soon as the stream goes past it (`tooLarge()`, by default `bad_request`), so an endless body
 * never fills memory. With a `pace`, a body slower than it is cancelled at once and refused
 * (`bad_request`, HTTP 408), so a slow client cannot hold the request open.
 * @example
 * const bytes = await readCapped(request, 64 * 1024);
 */
async function readCapped(
  request: Request,
  limit: number,
  tooLarge = () => badRequest(`Request body too large (at most ${limit} bytes).`),
  pace?: ReadPace,
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of readChunks(request, limit, tooLarge, pace)) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body's chunks as they arrive, with the limits of {@link readCapped}; the body is cancelled
 * when the reader stops early (a `break` or a throw in the loop), so nothing more is received.
 * @example
 * for await (const chunk of readChunks(request, limit, tooLarge, pace)) parser.write(chunk);
 */
export async function* readChunks(
  request: Request,
  limit: number,
  tooLarge: () => FaceKitError,
  pace?: ReadPace,
): AsyncGenerator<Uint8Array, void, undefined> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (request.body === null) return;
  const reader = request.body.getReader();
  let size = 0;
  let done = false;
  const started = Date.now();
  try {
    for (;;) {
      const next = pace ? await pacedRead(reader, started, size, pace) : await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      size += next.value.byteLength;
      if (size > limit) throw tooLarge();
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

/** The next chunk, or the body cancelled and a 408 `bad_request` when `pace` runs out first. */
async function pacedRead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  started: number,
  size: number,
  pace: ReadPace,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  const deadline = started + pace.timeoutMs;
  // The moment `size` bytes fall under the minimum rate.
  const rateDeadline =
    pace.minBytesPerSecond > 0
      ? started + pace.graceMs + (size * 1000) / pace.minBytesPerSecond
      : Number.POSITIVE_INFINITY;
  const slow = (message: string) => new FaceKitError("bad_request", message, { status: 408 });
  const wait = Math.min(deadline, rateDeadline) - Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), Math.max(0, wait));
  });
  try {
    const next = await Promise.race([reader.read(), late]);
    if (next !== "late") return next;
  } finally {
    clearTimeout(timer);
  }
  await reader.cancel().catch(() => undefined);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (deadline <= rateDeadline) {
    throw slow(
      `The upload took too long: ${size} bytes in ${seconds} s, the limit is ${pace.timeoutMs} ms.`,
    );
  }
  throw slow(
    `The upload is too slow: ${size} bytes in ${seconds} s, under ${pace.minBytesPerSecond} bytes per second after ${pace.graceMs} ms.`,
  );
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
const jsonType = /^application\/json\s*(;|$)/i;

/**
 * The raw bytes of a JSON request, at most `limit` (refused before or while reading): checks
 * `content-type: application/json` first. Every failure is a `bad_request` FaceKitError. For
 * routes that must see the exact bytes (signed webhooks).
 * @example
 * const raw = await readJsonBytes(request, 64 * 1024);
 */
export async function readJsonBytes(request: Request, limit: number): Promise<Uint8Array> {
  if (!jsonType.test(request.headers.get("content-type") ?? "")) {
    throw badRequest("Send the body as JSON with content-type: application/json.");
  }
  try {
    return await readCapped(request, limit);
  } catch (error) {
    if (error instanceof FaceKitError) throw error;
    throw badRequest("Could not read the request body.", error);
  }
}

/**
 * Reads a small JSON body (at most {@link maxBodyBytes}, refused before parsing) and validates it
 * with `schema`. Every request must say `content-type: application/json`, even with an empty body
 * (which reads as `{}`): a cross-site HTML form or a "simple" `fetch` can only send
 * `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`, so it is refused
 * here, and a cross-site script has to pass a CORS preflight first. The content type is checked
 * before the body is read. Every failure is a `bad_request` FaceKitError.
 * @example
 * const { token } = await readJsonBody(request, v.object({ token: v.string() }));
 */
export async function readJsonBody<const S extends v.GenericSchema>(
  request: Request,
  schema: S,
): Promise<v.InferOutput<S>> {
  const bytes = await readJsonBytes(request, maxBodyBytes);
  let json: unknown = {};
  if (bytes.byteLength > 0) {
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch (error) {
      throw badRequest("The request body is not valid JSON.", error);
    }
  }
  const result = v.safeParse(schema, json);
  if (!result.success) {
    const where = v.getDotPath(result.issues[0] as v.GenericIssue) ?? "body";
    throw badRequest(`Invalid request body at "${where}".`, new v.ValiError(result.issues));
  }
  return result.output;
}
