import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FaceKitError } from "@facekit/core/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { callVendorJson } from "./callVendorJson.ts";

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A vendor whose first `drops` connections are cut before any answer; later ones answer 200. */
async function flakyVendor(drops: number) {
  const seen: string[] = [];
  server = createServer((request, response) => {
    seen.push(request.method ?? "");
    if (seen.length <= drops) return void request.socket.destroy();
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ ok: true }));
  });
  await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}/v`), seen };
}

const call = (url: URL, method: "GET" | "POST") =>
  callVendorJson({
    vendor: "Vendor",
    label: `${method} /v`,
    url,
    method,
    headers: {},
    body: method === "POST" ? { a: 1 } : undefined,
    timeoutMs: 5_000,
    fetch,
    toError: (status) => new FaceKitError("vendor_unavailable", `status ${status}`),
  });

describe("callVendorJson on a connection cut before the answer", () => {
  it("sends a GET once more and returns the answer", async () => {
    const { url, seen } = await flakyVendor(1);
    await expect(call(url, "GET")).resolves.toMatchObject({ status: 200, value: { ok: true } });
    expect(seen).toEqual(["GET", "GET"]);
  });

  it("gives up after the second cut GET with vendor_unavailable", async () => {
    const { url, seen } = await flakyVendor(2);
    await expect(call(url, "GET")).rejects.toMatchObject({
      code: "vendor_unavailable",
      message: "Could not reach Vendor (GET /v).",
    });
    expect(seen).toEqual(["GET", "GET"]);
  });

  it("never repeats a POST (it may be a paid call)", async () => {
    const { url, seen } = await flakyVendor(1);
    await expect(call(url, "POST")).rejects.toMatchObject({ code: "vendor_unavailable" });
    expect(seen).toEqual(["POST"]);
  });
});
