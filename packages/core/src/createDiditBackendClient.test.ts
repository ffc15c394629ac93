import {
  createFakeXhr,
  type FakeAnswer,
  jpeg,
  makeSelfieCompareResult,
} from "@facekit/test-utils/core";
import { describe, expect, it } from "vitest";
import { createDiditBackendClient } from "./createDiditBackendClient.ts";
import {
  FaceKitError,
  grantHeader,
  type SelfieCompareGrant,
  toErrorBody,
} from "./protocol/index.ts";

const grant = (reference: SelfieCompareGrant["reference"] = "upload"): SelfieCompareGrant => ({
  token: "g-1",
  expiresAt: Date.now() + 60_000,
  maxBytes: 5_000_000,
  types: ["image/jpeg"],
  reference,
});

function client(answer: FakeAnswer, extra: { credentials?: RequestCredentials } = {}) {
  const xhr = createFakeXhr(() => answer);
  const didit = createDiditBackendClient({
    endpoint: "/api/facekit/",
    headers: { "x-csrf": "c" },
    XMLHttpRequest: xhr.XMLHttpRequest,
    ...extra,
  });
  return { didit, sent: xhr.sent };
}

describe("createDiditBackendClient", () => {
  it("POSTs the grant route with fetch", async () => {
    const requests: string[] = [];
    const fetch = (async (url: string | URL | Request) => {
      requests.push(String(url));
      return Response.json(grant("server"));
    }) as typeof globalThis.fetch;
    const didit = createDiditBackendClient({ endpoint: "/api/facekit", fetch });
    await expect(didit.getGrant()).resolves.toMatchObject({ token: "g-1", reference: "server" });
    expect(requests).toEqual(["/api/facekit/didit/grant"]);
  });

  it("rejects a grant that breaks the contract", async () => {
    const fetch = (async () => Response.json({ token: "x" })) as typeof globalThis.fetch;
    const didit = createDiditBackendClient({ endpoint: "/api/facekit", fetch });
    await expect(didit.getGrant()).rejects.toMatchObject({ code: "internal" });
  });

  it("uploads both images as multipart with the grant header, reporting progress", async () => {
    const { didit, sent } = client({ status: 200, body: makeSelfieCompareResult() });
    const progress: number[] = [];
    const result = await didit.compare(
      grant(),
      { selfie: jpeg("me"), reference: jpeg("ref") },
      { onProgress: (p) => progress.push(p) },
    );
    expect(result).toEqual(makeSelfieCompareResult());
    expect(progress).toEqual([0.5, 1]);
    const [xhr] = sent;
    expect(xhr?.url).toBe("/api/facekit/didit/compare");
    expect(xhr?.headers).toEqual({ "x-csrf": "c", [grantHeader]: "g-1" });
    expect(xhr?.withCredentials).toBe(false);
    expect(xhr?.form?.get("selfie")).toMatchObject({ name: "selfie.jpg" });
    expect(xhr?.form?.get("reference")).toMatchObject({ name: "reference.jpg" });
  });

  it("sends the selfie alone when the backend holds the reference", async () => {
    const { didit, sent } = client(
      { status: 200, body: makeSelfieCompareResult() },
      { credentials: "include" },
    );
    await didit.compare(grant("server"), { selfie: jpeg(), reference: jpeg() });
    expect(sent[0]?.form?.has("reference")).toBe(false);
    expect(sent[0]?.withCredentials).toBe(true);
  });

  it("maps error bodies to typed errors with status and retryAfter", async () => {
    const limited = new FaceKitError("rate_limited", "Slow down", { retryAfter: 7 });
    const { didit } = client({ status: 429, body: toErrorBody(limited) });
    await expect(didit.compare(grant(), { selfie: jpeg() })).rejects.toMatchObject({
      name: "FaceKitError",
      code: "rate_limited",
      retryAfter: 7,
      status: 429,
    });
    const spent = client({
      status: 404,
      body: toErrorBody(new FaceKitError("session_invalid", "Used")),
    });
    await expect(spent.didit.compare(grant(), { selfie: jpeg() })).rejects.toMatchObject({
      code: "session_invalid",
      message: "Used",
    });
  });

  it("maps a non-JSON error page to internal, and no answer to network", async () => {
    const proxy = client({ status: 502, body: null, text: "<html>Bad gateway</html>" });
    await expect(proxy.didit.compare(grant(), { selfie: jpeg() })).rejects.toMatchObject({
      code: "internal",
      status: 502,
    });
    const down = client("network");
    await expect(down.didit.compare(grant(), { selfie: jpeg() })).rejects.toMatchObject({
      code: "network",
    });
    const odd = client({ status: 200, body: { ok: true } });
    await expect(odd.didit.compare(grant(), { selfie: jpeg() })).rejects.toMatchObject({
      code: "internal",
    });
  });

  it("aborts the request with the signal, rejecting with its AbortError", async () => {
    const { didit, sent } = client("hold");
    const ctrl = new AbortController();
    const upload = didit.compare(grant(), { selfie: jpeg() }, { signal: ctrl.signal });
    ctrl.abort();
    await expect(upload).rejects.toMatchObject({ name: "AbortError" });
    expect(sent[0]?.aborted).toBe(true);
    await expect(
      didit.compare(grant(), { selfie: jpeg() }, { signal: ctrl.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(sent).toHaveLength(1);
  });
});
