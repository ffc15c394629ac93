import type { FaceSignWebhookBody } from "@facekit/core/protocol";
import { describe, expect, it, vi } from "vitest";
import { createFaceSignTestDriver } from "./createFaceSignTestDriver.ts";
import { signFaceSignWebhook } from "./sendStatusWebhook.ts";

async function verify(raw: string, signature: string, secret: string): Promise<boolean> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    enc.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  const bytes = Uint8Array.from(signature.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
  return crypto.subtle.verify("HMAC", key, bytes, enc.encode(raw));
}

describe("session.status webhooks", () => {
  it("posts a signed doorbell (no status) on every status change", async () => {
    const received: { raw: string; signature: string; url: string }[] = [];
    const receiver = async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(input, init);
      received.push({
        url: req.url,
        raw: await req.text(),
        signature: req.headers.get("x-facesign-signature") ?? "",
      });
      return new Response(null, { status: 204 });
    };
    const t = createFaceSignTestDriver({
      now: () => 42,
      webhookUrl: "https://backend.example/facesign/webhook",
      webhookSecret: "whsec_test",
      fetch: receiver as typeof fetch,
    });
    const { session, clientSecret } = (await t.create()).body;
    await t.open(clientSecret.url);
    await t.step(clientSecret.secret, "hello", "0");
    await t.step(clientSecret.secret, "live", "0");
    await vi.waitFor(() => expect(received).toHaveLength(2)); // inProgress, complete

    for (const hook of received) {
      expect(hook.url).toBe("https://backend.example/facesign/webhook");
      const body = JSON.parse(hook.raw) as FaceSignWebhookBody;
      expect(body).toEqual({
        id: expect.any(String),
        type: "session.status",
        createdAt: 42,
        sessionId: session.id,
      });
      expect(hook.signature).toMatch(/^[0-9a-f]{64}$/);
      expect(await verify(hook.raw, hook.signature, "whsec_test")).toBe(true);
      expect(await verify(hook.raw, hook.signature, "whsec_other")).toBe(false);
    }
    expect(received[0]?.raw).not.toBe(received[1]?.raw);
  });

  it("never blocks or breaks the request when delivery fails", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const t = createFaceSignTestDriver({
      webhookUrl: "https://backend.example/hook",
      fetch: (() => Promise.reject(new Error("offline"))) as typeof fetch,
    });
    const { session, clientSecret } = (await t.create()).body;
    expect((await t.open(clientSecret.url)).status).toBe(200);
    expect(t.sim.session(session.id)?.status).toBe("inProgress");
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    warn.mockRestore();
  });

  it("signs as lowercase HMAC-SHA256 hex (RFC test vector)", async () => {
    expect(await signFaceSignWebhook("The quick brown fox jumps over the lazy dog", "key")).toBe(
      "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
    );
  });
});
