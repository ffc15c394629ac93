import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createVerisoulHarness } from "@facekit/test-utils/server";
import { afterEach, describe, expect, it } from "vitest";
import { toNodeHandler } from "./node.ts";

const servers: Server[] = [];
// Captured before any adapter is built.
const { Request: originalRequest, Response: originalResponse } = globalThis;

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A POST with a JSON body, as the browser client sends it. */
function json(body: unknown): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  };
}

async function listen(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("toNodeHandler over a real http.createServer", () => {
  it("serves the whole session -> result handshake", async () => {
    const t = createVerisoulHarness({ pendingLookupIntervalMs: 0 });
    const base = await listen(toNodeHandler(t.handler));

    const minted = await fetch(`${base}/api/facekit/verisoul/session`, json({}));
    expect(minted.status).toBe(200);
    expect(minted.headers.get("cache-control")).toBe("no-store");
    const session = await minted.json();

    const post = () => fetch(`${base}/api/facekit/verisoul/result`, json({ token: session.token }));
    expect(await (await post()).json()).toEqual({ status: "pending" });
    await t.complete(session.sessionId, "alice");
    expect(await (await post()).json()).toMatchObject({
      status: "completed",
      result: { sessionId: session.sessionId, decision: "Real" },
    });

    const wrong = await fetch(`${base}/api/facekit/verisoul/result`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect((await fetch(`${base}/elsewhere`, { method: "POST" })).status).toBe(404);
  });

  it("works as Express-style middleware whose mount path was stripped", async () => {
    const t = createVerisoulHarness();
    const middleware = toNodeHandler(t.handler);
    const nextCalls: unknown[] = [];
    const base = await listen((req, res) => {
      // What app.use("/api/facekit", middleware) does before calling it.
      if (req.url?.startsWith("/api/facekit/")) req.url = req.url.slice("/api/facekit".length);
      middleware(req, res, (err) => nextCalls.push(err));
    });
    const response = await fetch(`${base}/api/facekit/verisoul/session`, json({}));
    expect(response.status).toBe(200);
    expect(nextCalls).toEqual([]);
  });

  it("refuses with a clear message when a body parser already read the body", async () => {
    const t = createVerisoulHarness();
    const middleware = toNodeHandler(t.handler);
    const base = await listen((req, res) => {
      // A JSON body parser consumes the stream and leaves req.body behind.
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        (req as IncomingMessage & { body?: unknown }).body = JSON.parse(
          Buffer.concat(chunks).toString(),
        );
        middleware(req, res);
      });
    });
    const response = await fetch(`${base}/api/facekit/verisoul/result`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: "x" }),
    });
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("misconfigured");
    expect(body.error.message).toMatch(/before body parsers/);
  });

  it("hands the handler the network's own chunks, whole, and nothing before it reads", async () => {
    const sent = Buffer.alloc(3 * 1024 * 1024, "a pattern that is not all one byte");
    let received: Uint8Array[] = [];
    const base = await listen(
      toNodeHandler(async (request) => {
        if (request.headers.get("x-read") === "no") return new Response("unread");
        received = [];
        for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
          received.push(chunk);
          if (request.headers.get("x-read") === "some") break; // cancels the body
        }
        return new Response(`read ${received.length} chunks`);
      }),
    );
    const post = (read: string) =>
      fetch(`${base}/upload`, { method: "POST", headers: { "x-read": read }, body: sent });
    expect(await (await post("all")).text()).toMatch(/^read \d+ chunks$/);
    expect(received.length).toBeGreaterThan(1);
    expect(Buffer.concat(received).equals(sent)).toBe(true);
    // Node's own Buffer slices of the socket's reads, not `new Uint8Array(chunk)` copies.
    expect(received.every((chunk) => Buffer.isBuffer(chunk))).toBe(true);
    // A body never read, or left after a few chunks, is drained by the adapter after the answer:
    // the answers arrive and the next request on the server still works.
    expect(await (await post("no")).text()).toBe("unread");
    expect(await (await post("some")).text()).toBe("read 1 chunks");
    expect(await (await post("all")).text()).toMatch(/^read \d+ chunks$/);
  });

  it("does not replace the global Request and Response", () => {
    toNodeHandler(createVerisoulHarness().handler);
    expect(globalThis.Request).toBe(originalRequest);
    expect(globalThis.Response).toBe(originalResponse);
  });
});
