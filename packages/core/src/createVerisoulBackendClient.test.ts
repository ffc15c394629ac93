import { completed, makeFaceMatchSession } from "@facekit/test-utils/core";
import { describe, expect, it } from "vitest";
import { createVerisoulBackendClient } from "./createVerisoulBackendClient.ts";
import { FaceKitError, toErrorBody } from "./protocol/index.ts";

/** A backend stand-in that records requests and answers with the given Response. */
function backend(answer: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), init: init ?? {} });
    return answer();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json = (body: unknown, status = 200) => Response.json(body, { status });

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("createVerisoulBackendClient", () => {
  it("POSTs JSON to the session and result routes, with or without a trailing slash", async () => {
    const session = makeFaceMatchSession();
    for (const endpoint of ["/api/facekit", "/api/facekit/"]) {
      const b = backend(() => json(session));
      const client = createVerisoulBackendClient({
        endpoint,
        fetch: b.fetch,
        headers: { "x-csrf": "t" },
      });
      await expect(client.mintFaceMatchSession()).resolves.toEqual(session);
      expect(b.requests[0]?.url).toBe("/api/facekit/verisoul/session");
      expect(b.requests[0]?.init).toMatchObject({
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf": "t" },
      });
    }
    const b = backend(() => json(completed()));
    const client = createVerisoulBackendClient({
      endpoint: "https://api.test/fk",
      fetch: b.fetch,
      credentials: "include",
    });
    await expect(client.getFaceMatchResult("tok")).resolves.toEqual(completed());
    expect(b.requests[0]?.url).toBe("https://api.test/fk/verisoul/result");
    expect(b.requests[0]?.init.body).toBe(JSON.stringify({ token: "tok" }));
    expect(b.requests[0]?.init.credentials).toBe("include");
  });

  it("sends the locale when minting, and an empty body without one", async () => {
    const b = backend(() => json(makeFaceMatchSession()));
    await createVerisoulBackendClient({
      endpoint: "/fk",
      fetch: b.fetch,
      locale: "es-MX",
    }).mintFaceMatchSession();
    await createVerisoulBackendClient({ endpoint: "/fk", fetch: b.fetch }).mintFaceMatchSession();
    expect(b.requests.map((r) => r.init.body)).toEqual([JSON.stringify({ locale: "es-MX" }), "{}"]);
  });

  it("turns an error body into a FaceKitError with its code, message and retryAfter", async () => {
    const sent = new FaceKitError("rate_limited", "Too many requests", {
      retryAfter: 12,
      vendorCode: "x",
    });
    const b = backend(() => json(toErrorBody(sent), 429));
    const error = await rejection(
      createVerisoulBackendClient({ endpoint: "/fk", fetch: b.fetch }).getFaceMatchResult("t"),
    );
    expect(error).toBeInstanceOf(FaceKitError);
    expect(error).toMatchObject({
      code: "rate_limited",
      message: "Too many requests",
      retryAfter: 12,
      status: 429,
      vendorCode: "x",
    });
  });

  it("maps an unknown error code to internal", async () => {
    const b = backend(() => json({ error: { code: "nope", message: "?" } }, 500));
    const error = await rejection(
      createVerisoulBackendClient({ endpoint: "/fk", fetch: b.fetch }).mintFaceMatchSession(),
    );
    expect(error).toMatchObject({ code: "internal", status: 500 });
  });

  it("maps a rejected fetch to network, keeping the cause", async () => {
    const cause = new TypeError("Failed to fetch");
    const client = createVerisoulBackendClient({
      endpoint: "/fk",
      fetch: () => Promise.reject(cause),
    });
    const error = await rejection(client.mintFaceMatchSession());
    expect(error).toMatchObject({ code: "network", cause });
  });

  it("lets an abort pass through as AbortError", async () => {
    const controller = new AbortController();
    const fetch = (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () =>
          reject(new DOMException("aborted", "AbortError")),
        );
      });
    const client = createVerisoulBackendClient({
      endpoint: "/fk",
      fetch: fetch as typeof globalThis.fetch,
    });
    const pending = client.getFaceMatchResult("t", controller.signal);
    controller.abort();
    const error = await rejection(pending);
    expect(error).not.toBeInstanceOf(FaceKitError);
    expect((error as Error).name).toBe("AbortError");
  });

  it("maps a non-JSON body and an unexpected shape to internal", async () => {
    const html = backend(() => new Response("<html>502</html>", { status: 502 }));
    const e1 = await rejection(
      createVerisoulBackendClient({ endpoint: "/fk", fetch: html.fetch }).mintFaceMatchSession(),
    );
    expect(e1).toMatchObject({ code: "internal", status: 502 });
    const odd = backend(() => json({ sessionId: 1 }));
    const e2 = await rejection(
      createVerisoulBackendClient({ endpoint: "/fk", fetch: odd.fetch }).mintFaceMatchSession(),
    );
    expect(e2).toMatchObject({ code: "internal" });
    const oddResult = backend(() => json({ status: "done" }));
    const e3 = await rejection(
      createVerisoulBackendClient({ endpoint: "/fk", fetch: oddResult.fetch }).getFaceMatchResult(
        "t",
      ),
    );
    expect(e3).toMatchObject({ code: "internal" });
  });
});
