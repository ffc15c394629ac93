import {
  createFaceSignSimulator,
  defaultFaceSignKey,
  sampleFaceSignFlow,
} from "@facekit/simulator";
import { failure } from "@facekit/test-utils/server";
import { describe, expect, it } from "vitest";
import { createFaceSignClient } from "./createFaceSignClient.ts";
import { faceSignRetryAfter } from "./toFaceSignError.ts";
import type { FaceSignClientOptions } from "./types.ts";

function setup(overrides: Partial<FaceSignClientOptions> = {}, rateLimitPerMinute?: number) {
  const sim = createFaceSignSimulator({
    appOrigin: "https://session.facesign.test",
    rateLimitPerMinute,
  });
  const fetch: typeof globalThis.fetch = (input, init) => sim.api(new Request(input, init));
  const client = createFaceSignClient({ apiKey: defaultFaceSignKey, fetch, ...overrides });
  return { sim, client, fetch };
}

describe("createFaceSignClient", () => {
  it("creates, reads, refreshes and lists sessions", async () => {
    const { client } = setup();
    const created = await client.createSession({
      clientReferenceId: "acct-1",
      flow: sampleFaceSignFlow,
    });
    expect(created.session.status).toBe("created");
    expect(created.clientSecret.secret).toMatch(/^cs/);
    expect(created.clientSecret.url).toContain("?cs=");
    expect(created.clientSecret.expireAt - created.clientSecret.createdAt).toBe(2 * 3_600_000);
    const read = await client.getSession(created.session.id);
    expect(read.session.settings.clientReferenceId).toBe("acct-1");
    const fresh = await client.refreshSecret(created.session.id);
    expect(fresh.secret).not.toBe(created.clientSecret.secret);
    const list = await client.listSessions({ clientReferenceId: "acct-1", status: ["created"] });
    expect(list.sessions.map((s) => s.id)).toEqual([created.session.id]);
    expect(list.hasMore).toBe(false);
  });

  it("sends the key as a Bearer token to https://api.facesign.ai by default", async () => {
    const seen: Request[] = [];
    const { fetch } = setup();
    const client = createFaceSignClient({
      apiKey: defaultFaceSignKey,
      fetch: (input, init) => {
        seen.push(new Request(input, init));
        return fetch(input, init);
      },
    });
    await client.listSessions();
    expect(seen[0]?.url).toBe("https://api.facesign.ai/sessions");
    expect(seen[0]?.headers.get("authorization")).toBe(`Bearer ${defaultFaceSignKey}`);
  });

  it("maps a refused key to vendor_misconfigured", async () => {
    const { client } = setup({ apiKey: "pk_wrong" });
    const error = await failure(() => client.listSessions());
    expect(error).toMatchObject({ code: "vendor_misconfigured", vendorCode: "invalid_api_key" });
    expect(error.message).toContain("facesign.apiKey");
  });

  it("surfaces an invalid flow with FaceSign's own message", async () => {
    const { client } = setup();
    const flow = sampleFaceSignFlow.filter((node) => node.type !== "end");
    const error = await failure(() => client.createSession({ clientReferenceId: "a", flow }));
    expect(error).toMatchObject({ code: "vendor_misconfigured", vendorCode: "invalid_flow" });
    expect(error.message).toContain("flow must have at least one end node");
    expect(error.message).toContain("facesign.session");
  });

  it("keeps the error type as vendorCode when FaceSign gives no code", async () => {
    const { client } = setup();
    const error = await failure(() => client.getSession("no-such-session"));
    expect(error).toMatchObject({ code: "session_invalid", vendorCode: "not_found_error" });
  });

  it("maps 429 to rate_limited with retryAfter from X-RateLimit-Reset", async () => {
    const { client } = setup({}, 1);
    await client.listSessions();
    const error = await failure(() => client.listSessions());
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(error.retryAfter).toBeLessThanOrEqual(61); // reset is whole unix seconds
  });

  it("reads X-RateLimit-Reset before Retry-After", () => {
    const now = 1_750_000_000_000;
    const reset = new Headers({ "x-ratelimit-reset": String(now / 1000 + 42), "retry-after": "5" });
    expect(faceSignRetryAfter(reset, now)).toBe(42);
    expect(faceSignRetryAfter(new Headers({ "retry-after": "5" }), now)).toBe(5);
    expect(faceSignRetryAfter(new Headers(), now)).toBeUndefined();
  });

  it("maps 503 and 500 to vendor_unavailable, without retrying", async () => {
    const { client, sim } = setup();
    sim.setScenario({ failNext: { status: 503, count: 1 } });
    expect((await failure(() => client.listSessions())).code).toBe("vendor_unavailable");
    sim.setScenario({ failNext: { status: 500, count: 1 } });
    expect((await failure(() => client.listSessions())).code).toBe("vendor_unavailable");
    expect(sim.stats().requests).toBe(2);
  });

  it("maps a timeout and a network failure to vendor_unavailable", async () => {
    const { client, sim } = setup({ timeoutMs: 30 });
    sim.setScenario({ latencyMs: 300 });
    const slow = await failure(() => client.listSessions());
    expect(slow.code).toBe("vendor_unavailable");
    expect(slow.message).toContain("30 ms");
    const offline = createFaceSignClient({
      apiKey: defaultFaceSignKey,
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    expect((await failure(() => offline.listSessions())).code).toBe("vendor_unavailable");
  });

  it("accepts 201 on create and refuses an unreadable 2xx", async () => {
    const { fetch } = setup();
    const created = createFaceSignClient({
      apiKey: defaultFaceSignKey,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        return new Response(response.body, { status: 201, headers: response.headers });
      },
    });
    const body = await created.createSession({ clientReferenceId: "a", flow: sampleFaceSignFlow });
    expect(body.session.id).toBeTruthy();
    const broken = createFaceSignClient({
      apiKey: defaultFaceSignKey,
      fetch: async () => Response.json({ sessions: "nope" }),
    });
    expect((await failure(() => broken.listSessions())).code).toBe("vendor_unavailable");
  });

  it("fails fast on options that cannot work", () => {
    expect(() => createFaceSignClient({ apiKey: "" })).toThrow(/apiKey is empty/);
    expect(() => createFaceSignClient({ apiKey: "k", timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createFaceSignClient({ apiKey: "k", baseUrl: "nope" })).toThrow(/baseUrl/);
  });
});
