import { setTimeout as sleep } from "node:timers/promises";
import { createFaceSignHarness, signedWebhook, testWebhookUrl } from "@facekit/test-utils/server";
import { describe, expect, it } from "vitest";
import { testStores } from "../store/testStores.ts";
import type { FaceKitStore } from "../store/types.ts";
import type { FaceSignConfig, FaceSignResultEvent } from "./types.ts";

/**
 * Two instances of one app: two handlers, one FaceSign simulator, one store. The simulator's
 * webhooks reach A only.
 */
function twoInstances(
  store: FaceKitStore,
  facesign: Partial<FaceSignConfig> = {},
  webhooks = true,
) {
  const ended: FaceSignResultEvent[] = [];
  const config = { onResult: (event: FaceSignResultEvent) => void ended.push(event), ...facesign };
  const a = createFaceSignHarness(config, { store, webhooks });
  const b = createFaceSignHarness(config, { store, sim: a.sim });
  return { a, b, ended };
}

/** A webhook as FaceSign signs it, sent to `handler`. */
async function deliver(
  handler: (request: Request) => Promise<Response>,
  event: { id: string; sessionId: string; createdAt?: number },
): Promise<Response> {
  return handler(new Request(testWebhookUrl, await signedWebhook(event)));
}

const stores = testStores();

describe.each(stores)("facesign on two instances sharing one $name store", ({
  name,
  fresh,
  redis,
}) => {
  it("reports on B what a webhook told A, without asking FaceSign, and onResult once", async () => {
    const { a, b, ended } = twoInstances(fresh());
    const session = await a.mint();
    await a.walk(session.url);
    expect((await a.settle()).map((r) => r.status)).toEqual([200, 200]);
    const gets = a.vendorGets(session.sessionId);
    const onB = await b.status(session.sessionId);
    expect(onB.body).toMatchObject({ status: "complete", summary: { isVerified: true } });
    expect(a.vendorGets(session.sessionId)).toBe(gets);
    expect(ended.map((e) => e.status)).toEqual(["complete"]);
    expect((await a.status(session.sessionId)).body).toEqual(onB.body);
    expect(ended).toHaveLength(1);
  });

  it("makes one FaceSign call for one webhook replayed 100 times, to A and B at once", async () => {
    const { a, b } = twoInstances(fresh(), {}, false);
    const session = await a.mint();
    const init = await signedWebhook({ id: "evt_replayed", sessionId: session.sessionId });
    const send = (h: typeof a) => h.handler(new Request(testWebhookUrl, init));
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => send(i % 2 ? a : b)));
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([200]));
    expect(a.vendorGets(session.sessionId)).toBe(1);
    // Distinct events for a state already known: still one lookup per 2 s.
    const more = Array.from({ length: 20 }, (_, i) => ({
      id: `evt_${i}`,
      sessionId: session.sessionId,
    }));
    await Promise.all(more.map((e, i) => deliver((i % 2 ? a : b).handler, e)));
    expect(a.vendorGets(session.sessionId)).toBeLessThanOrEqual(2);
  });

  it("refuses a webhook older than webhookToleranceMs, without asking FaceSign", async () => {
    const { a } = twoInstances(fresh(), { webhookToleranceMs: 60_000 }, false);
    const session = await a.mint();
    const old = { id: "evt_old", sessionId: session.sessionId, createdAt: Date.now() - 61_000 };
    const refused = await deliver(a.handler, old);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthorized");
    expect(a.vendorGets(session.sessionId)).toBe(0);
    const recent = { id: "evt_new", sessionId: session.sessionId, createdAt: Date.now() - 59_000 };
    expect((await deliver(a.handler, recent)).status).toBe(200);
    expect(a.vendorGets(session.sessionId)).toBe(1);
  });

  it("retries on B an onResult that threw on A", async () => {
    let fail = true;
    const { a, b, ended } = twoInstances(
      fresh(),
      {
        onResult: async (event) => {
          ended.push(event);
          if (fail) throw new Error("db down");
        },
      },
      false,
    );
    const session = await a.mint();
    await a.walk(session.url);
    const doorbell = { id: "evt_end", sessionId: session.sessionId };
    expect((await deliver(a.handler, doorbell)).status).toBe(500); // FaceSign will retry it
    fail = false;
    expect((await b.status(session.sessionId)).body).toMatchObject({ status: "complete" });
    expect((await a.status(session.sessionId)).body).toMatchObject({ status: "complete" });
    expect((await deliver(a.handler, doorbell)).status).toBe(200); // the retry: nothing left to do
    expect(ended.map((e) => e.sessionId)).toEqual([session.sessionId, session.sessionId]);
  });

  // Only a real server can be stopped: the memory store has no outage to test.
  if (name === "redis")
    it("refuses to mint while the store is down, then works again", async () => {
      const { a } = twoInstances(fresh(), {}, false);
      const server = redis();
      if (!server) throw new Error("no Redis server");
      const minted = await a.mint();
      const before = a.sim.stats().requests;
      await server.stop();
      try {
        for (const answer of [await a.post("facesign/session"), await a.status(minted.sessionId)]) {
          const body = answer instanceof Response ? await answer.json() : answer.body;
          expect(body.error.code).toBe("store_unavailable");
        }
        expect(a.sim.stats().requests).toBe(before);
      } finally {
        await server.restart();
      }
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i++) {
        status = (await a.post("facesign/session")).status;
        if (status !== 200) await sleep(50);
      }
      expect(status).toBe(200);
    });
});
