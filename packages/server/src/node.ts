/**
 * `@facekit/server/node`: the Node adapter. Everything else in this package is Web-standard.
 * @example
 * import { toNodeHandler } from "@facekit/server/node";
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorResponseStatus, FaceKitError, toErrorBody } from "@facekit/core/protocol";
import { getRequestListener } from "@hono/node-server";

/** True when another middleware already consumed the body stream (and left no raw copy). */
function bodyAlreadyRead(req: IncomingMessage): boolean {
  const rawBody = (req as IncomingMessage & { rawBody?: unknown }).rawBody;
  return req.readableEnded && !(rawBody instanceof Uint8Array);
}

/**
 * The request with its body read straight from `incoming`, chunk by chunk as the handler reads:
 * Node 20's `Readable.toWeb`, which the adapter would use, copies every network chunk, so an upload
 * of 10 MB made 10 MB more garbage. Nothing is attached until the handler reads; a body it never
 * reads, or stops reading (cancel), is left to the adapter, which drains it once the answer is
 * sent (the socket stays up for that answer). A body another layer already buffered (`rawBody`)
 * is left to the adapter too.
 */
function withBodyOf(request: Request, incoming: IncomingMessage): Request {
  if (request.method === "GET" || request.method === "HEAD" || "rawBody" in incoming) {
    return request;
  }
  let listening = false;
  let onData: (chunk: Buffer) => void = () => {};
  let onEnd = () => {};
  let onError: (error: Error) => void = () => {};
  const stop = () => {
    incoming.pause();
    incoming.off("data", onData).off("end", onEnd).off("error", onError);
  };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!listening) {
          listening = true;
          onData = (chunk) => {
            controller.enqueue(chunk);
            incoming.pause();
          };
          onEnd = () => {
            stop();
            controller.close();
          };
          onError = (error) => {
            stop();
            controller.error(error);
          };
          incoming.on("data", onData).on("end", onEnd).on("error", onError);
        }
        incoming.resume();
      },
      cancel: stop,
    },
    { highWaterMark: 0 },
  );
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
}

function sendError(res: ServerResponse, error: FaceKitError): void {
  res.writeHead(errorResponseStatus(error), {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(toErrorBody(error)));
}

/**
 * Turns a Web-standard handler (e.g. `createFaceKitHandler(config)`) into a Node request listener,
 * usable with `http.createServer` and as Express/Connect middleware. Built on
 * `@hono/node-server`'s `getRequestListener`, without replacing the global `Request`/`Response`.
 *
 * Mount it BEFORE any body parser (`express.json()`, `bodyParser`...): FaceKit reads the raw body
 * stream itself (size-capped). If a parser got there first, the request is answered with a 500
 * `misconfigured` error saying so. Express strips the mount path; FaceKit routes match by path
 * suffix, so any mount point works. Failures of the adapter itself go to `next(err)` when given.
 * @example
 * import { createServer } from "node:http";
 * const handler = createFaceKitHandler(config);
 * createServer(toNodeHandler(handler)).listen(3000);
 * // or, in Express, before app.use(express.json()):
 * app.use("/api/facekit", toNodeHandler(handler));
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void {
  const listener = getRequestListener(
    // An HTTP/2 request is read the same way (both are Node readable streams).
    (request, { incoming }) => handler(withBodyOf(request, incoming as IncomingMessage)),
    { overrideGlobalObjects: false },
  );
  return (req, res, next) => {
    if (bodyAlreadyRead(req)) {
      sendError(
        res,
        new FaceKitError(
          "misconfigured",
          "FaceKit: the request body was already read by another middleware (e.g. express.json()). Mount toNodeHandler before body parsers.",
        ),
      );
      return;
    }
    listener(req, res).catch((error: unknown) => {
      if (next) {
        next(error);
      } else if (!res.headersSent) {
        sendError(res, new FaceKitError("internal", "Internal error.", { cause: error }));
      } else {
        res.destroy(error instanceof Error ? error : undefined);
      }
    });
  };
}
