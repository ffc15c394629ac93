import { makeFaceSignSession, makeFaceSignSummary } from "@facekit/test-utils/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBackendPost } from "./createBackendPost.ts";
import {
  createFaceSignBackendClient,
  faceSignBackendClient,
} from "./createFaceSignBackendClient.ts";
import { FaceKitError, toErrorBody } from "./protocol/index.ts";

/** FaceKit's FaceSign routes as a `fetch` stand-in, recording requests. */
function backend(answer: (url: string) => Response) {
  const requests: { url: string; body: unknown }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), body: JSON.parse(String(init?.body)) });
    return answer(String(url));
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

describe("createFaceSignBackendClient", () => {
  it("POSTs to the session, refresh and status routes", async () => {
    const session = makeFaceSignSession();
    const status = { sessionId: "fs-1", status: "complete", summary: makeFaceSignSummary() };
    const b = backend((url) => Response.json(url.endsWith("/status") ? status : session));
    const client = createFaceSignBackendClient({ endpoint: "/api/facekit/", fetch: b.fetch });
    await expect(client.mintFaceSignSession()).resolves.toEqual(session);
    await expect(client.refreshFaceSignSession("fs-1")).resolves.toEqual(session);
    await expect(
      client.getFaceSignStatus({ sessionId: "fs-1", clientSecret: "cs-1" }),
    ).resolves.toEqual(status);
    expect(b.requests).toEqual([
      { url: "/api/facekit/facesign/session", body: {} },
      { url: "/api/facekit/facesign/refresh", body: { sessionId: "fs-1" } },
      { url: "/api/facekit/facesign/status", body: { sessionId: "fs-1", clientSecret: "cs-1" } },
    ]);
  });

  it("sends the locale when minting (only then)", async () => {
    const b = backend(() => Response.json(makeFaceSignSession()));
    const client = createFaceSignBackendClient({ endpoint: "/fk", fetch: b.fetch, locale: "fr" });
    await client.mintFaceSignSession();
    await client.refreshFaceSignSession("fs-1");
    expect(b.requests.map((r) => r.body)).toEqual([{ locale: "fr" }, { sessionId: "fs-1" }]);
  });

  it("maps error bodies to typed errors, keeping retryAfter", async () => {
    const limited = new FaceKitError("rate_limited", "Slow down", { retryAfter: 5 });
    const b = backend(() => Response.json(toErrorBody(limited), { status: 429 }));
    const client = createFaceSignBackendClient({ endpoint: "/api/facekit", fetch: b.fetch });
    await expect(client.getFaceSignStatus({ sessionId: "fs-1" })).rejects.toMatchObject({
      code: "rate_limited",
      retryAfter: 5,
      status: 429,
    });
  });

  it("rejects answers that break the contract", async () => {
    const b = backend(() => Response.json({ sessionId: "fs-1", status: "canceled" }));
    const client = createFaceSignBackendClient({ endpoint: "/api/facekit", fetch: b.fetch });
    await expect(client.getFaceSignStatus({ sessionId: "fs-1" })).rejects.toMatchObject({
      code: "internal",
    });
    await expect(client.mintFaceSignSession()).rejects.toMatchObject({ code: "internal" });
  });

  it("turns a fetch failure into a network error", async () => {
    const fetch = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof globalThis.fetch;
    const client = createFaceSignBackendClient({ endpoint: "/api/facekit", fetch });
    await expect(client.mintFaceSignSession()).rejects.toMatchObject({ code: "network" });
  });
});

describe("faceSignBackendClient", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("works on a post shared with other clients, sending the locale when minting", async () => {
    const b = backend(() => Response.json(makeFaceSignSession()));
    const post = createBackendPost({ endpoint: "/fk", fetch: b.fetch });
    await faceSignBackendClient(post, "es").mintFaceSignSession();
    await faceSignBackendClient(post).mintFaceSignSession();
    expect(b.requests).toEqual([
      { url: "/fk/facesign/session", body: { locale: "es" } },
      { url: "/fk/facesign/session", body: {} },
    ]);
  });

  it("names the URL it could not reach outside production builds only", async () => {
    const fetch = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof globalThis.fetch;
    const client = faceSignBackendClient(createBackendPost({ endpoint: "/fk", fetch }));
    await expect(client.mintFaceSignSession()).rejects.toThrow(
      "Could not reach /fk/facesign/session",
    );
    vi.stubEnv("NODE_ENV", "production");
    await expect(client.mintFaceSignSession()).rejects.toMatchObject({
      code: "network",
      message: "network",
    });
  });
});
