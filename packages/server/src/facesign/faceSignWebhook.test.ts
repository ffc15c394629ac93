import { signFaceSignWebhook } from "@facekit/simulator";
import { createFaceSignHarness, testWebhookSecret } from "@facekit/test-utils/server";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.useRealTimers();
});

type Harness = ReturnType<typeof createFaceSignHarness>;

async function sendWebhook(
  t: Harness,
  raw: string,
  signature: string | null,
  contentType = "application/json",
): Promise<Response> {
  const headers: Record<string, string> = { "content-type": contentType };
  if (signature !== null) headers["x-facesign-signature"] = signature;
  return t.handler(
    new Request("https://shop.example/api/facekit/facesign/webhook", {
      method: "POST",
      headers,
      body: raw,
    }),
  );
}

const event = (sessionId: string, type = "session.status") =>
  JSON.stringify({ id: "evt_1", type, createdAt: Date.now(), sessionId });

describe("POST facesign/webhook", () => {
  it("takes the simulator's signed doorbells and refreshes the status cache", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = createFaceSignHarness();
    const minted = await t.mint();
    t.auth.current = null; // FaceSign is not a signed-in user: authorize() is not asked
    await t.open(minted.url);
    const inProgress = await t.settle();
    expect(inProgress.map((r) => r.status)).toEqual([200]);
    t.auth.current = { accountId: "acct-1" };
    const gets = t.vendorGets(minted.sessionId);
    expect(gets).toBe(1); // the webhook's refetch
    expect((await t.status(minted.sessionId)).body.status).toBe("inProgress");
    expect(t.vendorGets(minted.sessionId)).toBe(gets);
  });

  it("makes the finished status and summary available without another vendor call", async () => {
    const t = createFaceSignHarness();
    const session = await t.mint();
    await t.walk(session.url);
    const answers = await t.settle();
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const gets = t.vendorGets(session.sessionId);
    const { body } = await t.status(session.sessionId);
    expect(body.status).toBe("complete");
    expect(body.summary).toMatchObject({ status: "complete", isVerified: true });
    expect(t.vendorGets(session.sessionId)).toBe(gets);
  });

  it("answers {received: true} and ignores other event types", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    const raw = event(session.sessionId, "media.user_photo");
    const response = await sendWebhook(t, raw, await signFaceSignWebhook(raw, testWebhookSecret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(t.vendorGets(session.sessionId)).toBe(0);
  });

  it("refuses a missing, malformed or wrong signature with 401 before anything else", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const session = await t.mint();
    const raw = event(session.sessionId);
    const good = await signFaceSignWebhook(raw, testWebhookSecret);
    const wrongKey = await signFaceSignWebhook(raw, "whsec_someone_else");
    const otherBody = await signFaceSignWebhook(event("another"), testWebhookSecret);
    for (const signature of [null, "", "nothex", good.slice(0, 62), wrongKey, otherBody]) {
      const response = await sendWebhook(t, raw, signature);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
    expect(t.vendorGets(session.sessionId)).toBe(0);
    expect((await sendWebhook(t, raw, good.toUpperCase())).status).toBe(200);
  });

  it("refuses bodies over 64 KB, non-JSON content types and unreadable events", async () => {
    const t = createFaceSignHarness({}, { webhooks: false });
    const big = JSON.stringify({
      id: "e",
      type: "session.status",
      createdAt: 1,
      pad: "x".repeat(70_000),
    });
    const bigResponse = await sendWebhook(
      t,
      big,
      await signFaceSignWebhook(big, testWebhookSecret),
    );
    expect(bigResponse.status).toBe(400);
    expect((await bigResponse.json()).error.message).toContain("too large");
    const raw = event("s");
    const signed = await signFaceSignWebhook(raw, testWebhookSecret);
    expect((await sendWebhook(t, raw, signed, "text/plain")).status).toBe(400);
    const notJson = "{nope";
    const nope = await sendWebhook(
      t,
      notJson,
      await signFaceSignWebhook(notJson, testWebhookSecret),
    );
    expect(nope.status).toBe(400);
    expect(t.sim.stats().requests).toBe(0);
  });

  it("is off (404) without facesign.webhookSecret", async () => {
    const t = createFaceSignHarness({ webhookSecret: undefined }, { webhooks: false });
    const raw = event("s");
    const response = await sendWebhook(t, raw, await signFaceSignWebhook(raw, testWebhookSecret));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain("webhookSecret");
  });
});
