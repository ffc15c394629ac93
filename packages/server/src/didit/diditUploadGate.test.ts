import { diditMaxImageBytes } from "@facekit/core/protocol";
import { createDiditHarness, loadPhotos } from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";

type Harness = ReturnType<typeof createDiditHarness>;

let form: { bytes: Uint8Array; type: string };
beforeAll(async () => {
  const photos = await loadPhotos();
  const data = new FormData();
  data.set("selfie", photos.personA2, "selfie.jpg");
  data.set("reference", photos.personA, "reference.jpg");
  const encoded = new Response(data);
  form = {
    bytes: new Uint8Array(await encoded.arrayBuffer()),
    type: encoded.headers.get("content-type") ?? "",
  };
});

/** Room for one upload without a content-length (the most two images may be): one at a time. */
const oneUpload = 2 * diditMaxImageBytes + 16 * 1024;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The upload form as a body that is only pulled when someone reads it (no read-ahead): its first
 * 1 KiB, then the rest once `finish()` is called. `pulls` counts the reads, `reading` resolves on
 * the first.
 */
function heldBody() {
  const state = { pulls: 0, cancelled: false };
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let started = () => {};
  const reading = new Promise<void>((resolve) => {
    started = resolve;
  });
  const split = 1024;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        state.pulls++;
        if (state.pulls === 1) {
          started();
          controller.enqueue(form.bytes.slice(0, split));
        } else if (state.pulls === 2) {
          await finished;
          controller.enqueue(form.bytes.slice(split));
        } else {
          controller.close();
        }
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, state, reading, finish };
}

/** Sends `held` as the compare body with a fresh grant (or `grant`); resolves with the answer. */
async function send(
  t: Harness,
  held: ReturnType<typeof heldBody>,
  grant?: { token: string },
  signal?: AbortSignal,
) {
  const g = grant ?? (await t.grant());
  return t.compare(g, {}, {
    body: held.body,
    headers: { "x-facekit-grant": g.token, "content-type": form.type },
    duplex: "half",
    signal,
  } as RequestInit);
}

/** A whole upload sent at once: 200 when a slot is free. */
async function sendWhole(t: Harness, grant?: { token: string }) {
  const held = heldBody();
  held.finish();
  return send(t, held, grant);
}

describe("didit/compare: at most maxUploadBytesInFlight of bodies per process", () => {
  it("makes a second upload wait without reading its body, then compares it", async () => {
    const t = createDiditHarness({ maxUploadBytesInFlight: oneUpload });
    const first = heldBody();
    const firstAnswer = send(t, first);
    await first.reading;
    const second = heldBody();
    second.finish();
    const secondAnswer = send(t, second);
    await pause(150);
    expect(second.state.pulls).toBe(0);
    first.finish();
    expect((await firstAnswer).status).toBe(200);
    expect((await secondAnswer).status).toBe(200);
    expect(second.state.pulls).toBeGreaterThan(0);
    expect(t.sim.stats().faceMatchRequests).toBe(2);
  });

  it("answers 503 vendor_unavailable past uploadQueueTimeoutMs, calls no vendor, keeps the grant", async () => {
    const t = createDiditHarness({ maxUploadBytesInFlight: oneUpload, uploadQueueTimeoutMs: 200 });
    const first = heldBody();
    const firstAnswer = send(t, first);
    await first.reading;
    const second = heldBody();
    const grant = await t.grant();
    const started = Date.now();
    const refused = await send(t, second, grant);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: "vendor_unavailable", retryAfter: 5 });
    expect(refused.body.error?.message).toMatch(/maxUploadBytesInFlight.*uploadQueueTimeoutMs/);
    expect(second.state.pulls).toBe(0);
    expect(t.sim.stats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
    first.finish();
    expect((await firstAnswer).status).toBe(200);
    // Refused before it was spent: the same grant uploads once a slot is free.
    expect((await sendWhole(t, grant)).status).toBe(200);
  });

  it("frees the slot after an invalid image, a 408 and a client that left the queue", async () => {
    const t = createDiditHarness({
      maxUploadBytesInFlight: oneUpload,
      uploadQueueTimeoutMs: 300,
      uploadTimeoutMs: 300,
      minUploadBytesPerSecond: 0,
    });
    const photos = await loadPhotos();
    const invalid = await t.compare(await t.grant(), {
      selfie: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]),
      reference: photos.personA,
    });
    expect([invalid.status, invalid.body.error?.code]).toEqual([422, "invalid_image"]);
    const stalled = heldBody(); // never finishes: cut off at uploadTimeoutMs
    const late = await send(t, stalled);
    expect([late.status, late.body.error?.code]).toEqual([408, "bad_request"]);
    expect(stalled.state.cancelled).toBe(true);

    const first = heldBody();
    const firstAnswer = send(t, first);
    await first.reading;
    const leaving = new AbortController();
    const queued = heldBody();
    const left = send(t, queued, undefined, leaving.signal);
    await pause(50);
    leaving.abort();
    expect((await left).status).toBe(400);
    first.finish();
    expect((await firstAnswer).status).toBe(200);
    // A slot still held by any of them would make this one wait past 300 ms and get 503.
    expect((await sendWhole(t)).status).toBe(200);
  });

  it("starts uploadTimeoutMs when the upload gets its slot, not when it arrives", async () => {
    const t = createDiditHarness({
      maxUploadBytesInFlight: oneUpload,
      uploadTimeoutMs: 400,
      minUploadBytesPerSecond: 0,
    });
    // The first upload keeps its room while Didit takes 600 ms to answer it.
    t.sim.setScenario({ latencyMs: 600 });
    const first = heldBody();
    const firstAnswer = send(t, first);
    await first.reading;
    first.finish();
    await pause(50);
    const queuedAt = Date.now();
    const second = await sendWhole(t);
    expect(Date.now() - queuedAt).toBeGreaterThan(400); // longer than uploadTimeoutMs in the queue
    expect(second.status).toBe(200);
    expect((await firstAnswer).status).toBe(200);
  });

  it("gives the room back at Didit's answer, not after onResult", async () => {
    let secondDone = () => {};
    const second = new Promise<void>((resolve) => {
      secondDone = resolve;
    });
    let results = 0;
    const t = createDiditHarness({
      maxUploadBytesInFlight: oneUpload,
      uploadQueueTimeoutMs: 2_000,
      // The first upload's onResult waits for the second upload, which needs the first's room.
      onResult: async () => {
        if (++results === 1) await second;
      },
    });
    const firstAnswer = sendWhole(t);
    await pause(50);
    t.auth.current = { accountId: "acct-2" }; // an account has one upload at a time
    const secondAnswer = await sendWhole(t);
    secondDone();
    expect(secondAnswer.status).toBe(200);
    expect((await firstAnswer).status).toBe(200);
  });
});
