/**
 * Serverless: every request reaches a handler created for it (as a cold start makes one), and
 * the Redis store alone carries every guarantee from one request to the next.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { FaceMatchSession, FaceSignSession, SelfieCompareGrant } from "@facekit/core/protocol";
import {
  createDiditSimulator,
  createFaceSignSimulator,
  defaultDiditKey,
  defaultFaceSignKey,
  sampleFaceSignFlow,
} from "@facekit/simulator";
import {
  createVerisoulSimHarness,
  loadPhotos,
  postJson,
  signedWebhook,
  testRedirectUrl,
  testSecret,
  testWebhookSecret,
  testWebhookUrl,
} from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createFaceKitHandler } from "./createFaceKitHandler.ts";
import { testStores } from "./store/testStores.ts";
import type { FaceKitStore } from "./store/types.ts";

let photos: Awaited<ReturnType<typeof loadPhotos>>;
beforeAll(async () => {
  photos = await loadPhotos();
});

const redis = testStores().find((s) => s.name === "redis") as ReturnType<typeof testStores>[number];

/** One app on `store`, deployed serverless: `handle` creates a new handler for every request. */
function serverless(store: FaceKitStore) {
  const verisoul = createVerisoulSimHarness();
  const facesign = createFaceSignSimulator({ appOrigin: "https://session.facesign.test" });
  const didit = createDiditSimulator();
  const delivered: string[] = [];
  let handlers = 0;
  const handle = (request: Request) => {
    handlers += 1;
    return createFaceKitHandler({
      secret: testSecret,
      store,
      authorize: (r) => ({ accountId: r.headers.get("x-account") ?? "acct-1" }),
      verisoul: {
        ...verisoul.options(),
        redirectUrl: testRedirectUrl,
        pendingLookupIntervalMs: 0, // every poll reaches the delivery lease
        onResult: async ({ sessionId }) => {
          await sleep(200);
          delivered.push(sessionId);
        },
      },
      facesign: {
        apiKey: defaultFaceSignKey,
        fetch: (input, init) => facesign.api(new Request(input, init)),
        session: { flow: sampleFaceSignFlow, langs: ["en"] },
        webhookSecret: testWebhookSecret,
      },
      didit: {
        apiKey: defaultDiditKey,
        baseUrl: "https://didit.test",
        fetch: (input, init) => didit.api(new Request(input, init)),
        maxComparesPerHour: 2,
      },
    })(request);
  };
  const post = async (path: string, body: unknown = {}, account = "acct-1") => {
    const response = await postJson(handle, path, body, {
      headers: { "content-type": "application/json", "x-account": account },
    });
    return { status: response.status, body: await response.json() };
  };
  const compare = async (grant: SelfieCompareGrant, account = "acct-1") => {
    const form = new FormData();
    form.set("selfie", photos.personA2, "selfie.jpg");
    form.set("reference", photos.personA, "reference.jpg");
    const response = await handle(
      new Request("https://shop.example/api/facekit/didit/compare", {
        method: "POST",
        headers: { "x-account": account, "x-facekit-grant": grant.token },
        body: form,
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  return { verisoul, facesign, didit, delivered, handle, post, compare, handlers: () => handlers };
}

describe("a fresh handler for every request, on the Redis store", () => {
  it("refuses a grant used by another cold start; Didit was called once", async () => {
    const app = serverless(redis.fresh());
    const grant = (await app.post("didit/grant")).body as SelfieCompareGrant;
    expect((await app.compare(grant)).status).toBe(200);
    const replay = await app.compare(grant);
    expect([replay.status, replay.body.error?.code]).toEqual([404, "session_invalid"]);
    expect(app.didit.stats().faceMatchRequests).toBe(1);
    expect(app.handlers()).toBe(3);
  });

  it("delivers onResult once when cold starts poll a completed session at once", async () => {
    const app = serverless(redis.fresh());
    const session = (await app.post("verisoul/session")).body as FaceMatchSession;
    await app.verisoul.complete(session.sessionId, "alice");
    const polls = await Promise.all(
      Array.from({ length: 6 }, () => app.post("verisoul/result", session)),
    );
    expect(polls.map((p) => p.status)).toEqual(Array(6).fill(200));
    expect((await app.post("verisoul/result", session)).body.status).toBe("completed");
    expect(app.delivered).toEqual([session.sessionId]);
  });

  it("counts rations and the Didit quota across cold starts", async () => {
    const app = serverless(redis.fresh());
    for (let i = 0; i < 10; i++) expect((await app.post("verisoul/session")).status).toBe(200);
    const refused = await app.post("verisoul/session");
    expect([refused.status, refused.body.error?.code]).toEqual([429, "rate_limited"]);
    for (let i = 0; i < 2; i++) {
      const grant = (await app.post("didit/grant", {}, "q-1")).body as SelfieCompareGrant;
      expect((await app.compare(grant, "q-1")).status).toBe(200);
    }
    const full = await app.post("didit/grant", {}, "q-1");
    expect([full.status, full.body.error?.code]).toEqual([429, "rate_limited"]);
  });

  it("makes one FaceSign call for a webhook replayed to many cold starts", async () => {
    const app = serverless(redis.fresh());
    const session = (await app.post("facesign/session")).body as FaceSignSession;
    const init = await signedWebhook({ id: "evt_replayed", sessionId: session.sessionId });
    const send = () => app.handle(new Request(testWebhookUrl, init));
    const answers = await Promise.all(Array.from({ length: 10 }, send));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(app.facesign.stats().byPath[`/sessions/${session.sessionId}`]).toBe(1);
  });
});
