import { describe, expect, it } from "vitest";
import { createUploadGate } from "./createUploadGate.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `promise` has settled after the microtasks and timers now queued have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await pause(0);
  return done;
}

describe("createUploadGate admits uploads by bytes", () => {
  it("lends each upload its own part of one array, of the size asked", async () => {
    const gate = createUploadGate(10, 1_000);
    const a = await gate.enter(6);
    const b = await gate.enter(4);
    expect([a.memory.byteLength, b.memory.byteLength]).toEqual([6, 4]);
    expect(a.memory.buffer).toBe(b.memory.buffer);
    a.memory.fill(1);
    b.memory.fill(2);
    expect([...a.memory, ...b.memory]).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
    a.release();
    b.release();
  });

  it("makes an upload wait until its bytes fit, and admits many small ones beside a large one", async () => {
    const gate = createUploadGate(10, 1_000);
    const large = await gate.enter(8);
    const small = await gate.enter(2);
    const next = gate.enter(3);
    expect(await settled(next)).toBe(false);
    small.release(); // 2 free: 3 still does not fit
    expect(await settled(next)).toBe(false);
    large.release();
    const admitted = await next;
    expect(admitted.memory.byteLength).toBe(3);
    admitted.release();
  });

  it("serves first come first: a large upload waiting is not overtaken by a small one", async () => {
    const gate = createUploadGate(10, 1_000);
    const held = await gate.enter(5);
    const large = gate.enter(10);
    const small = gate.enter(1);
    expect(await settled(small)).toBe(false);
    held.release();
    (await large).release();
    (await small).release();
  });

  it("reuses the memory of released uploads while others are in flight, and lets it go when idle", async () => {
    const gate = createUploadGate(10, 1_000);
    const a = await gate.enter(5);
    const b = await gate.enter(5);
    const first = a.memory.buffer;
    a.release();
    a.release(); // twice does nothing
    const c = await gate.enter(5);
    expect(c.memory.buffer).toBe(first);
    b.release();
    c.release(); // idle: the array is let go
    const d = await gate.enter(10);
    expect(d.memory.buffer).not.toBe(first);
    d.release();
  });

  it("joins freed neighbours, so a whole-size upload fits again", async () => {
    const gate = createUploadGate(9, 1_000);
    const parts = await Promise.all([gate.enter(3), gate.enter(3), gate.enter(3)]);
    const whole = gate.enter(9);
    for (const part of [parts[1], parts[0], parts[2]]) part?.release();
    expect((await whole).memory.byteLength).toBe(9);
  });

  it("refuses after queueTimeoutMs (503 vendor_unavailable), when the client leaves, and when it can never fit", async () => {
    const gate = createUploadGate(10, 50);
    const held = await gate.enter(10);
    await expect(gate.enter(1)).rejects.toMatchObject({
      code: "vendor_unavailable",
      retryAfter: 5,
      message: expect.stringMatching(/maxUploadBytesInFlight.*uploadQueueTimeoutMs/),
    });
    const leaving = new AbortController();
    const left = gate.enter(1, leaving.signal);
    leaving.abort();
    await expect(left).rejects.toMatchObject({ code: "bad_request" });
    await expect(gate.enter(11)).rejects.toMatchObject({ code: "image_too_large" });
    held.release();
    (await gate.enter(10)).release();
  });

  it("lets the next in line in when the one before it leaves the queue", async () => {
    const gate = createUploadGate(10, 1_000);
    const held = await gate.enter(5);
    const leaving = new AbortController();
    const large = gate.enter(10, leaving.signal);
    const small = gate.enter(5);
    expect(await settled(small)).toBe(false);
    leaving.abort();
    await expect(large).rejects.toMatchObject({ code: "bad_request" });
    (await small).release();
    held.release();
  });
});
