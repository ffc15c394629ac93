import { describe, expect, it } from "vitest";
import { createUploadGate } from "./createUploadGate.ts";

describe("createUploadGate's slot memory", () => {
  it("lends each slot its own memory, up to bytesPerSlot", async () => {
    const gate = createUploadGate(2, 1_000, 8);
    const [a, b] = await Promise.all([gate.enter(), gate.enter()]);
    const selfie = a.take(5);
    const reference = a.take(3);
    selfie.fill(1);
    reference.fill(2);
    b.take(8).fill(9);
    expect([...selfie, ...reference]).toEqual([1, 1, 1, 1, 1, 2, 2, 2]);
    expect(() => a.take(1)).toThrow(RangeError);
    a.release();
    b.release();
  });

  it("gives a released slot's memory to the next upload, not a new array", async () => {
    const gate = createUploadGate(1, 1_000, 8);
    const first = await gate.enter();
    const waiting = gate.enter();
    const held = first.take(8);
    first.release();
    expect(() => first.take(1)).toThrow(RangeError);
    const next = await waiting;
    expect(next.take(8).buffer).toBe(held.buffer);
    next.release();
  });

  it("lets the memory go once no upload is in flight", async () => {
    const gate = createUploadGate(2, 1_000, 8);
    const [a, b] = await Promise.all([gate.enter(), gate.enter()]);
    const first = a.take(8);
    a.release(); // b still uploads: a's memory is kept for the next
    const c = await gate.enter();
    expect(c.take(8).buffer).toBe(first.buffer);
    b.release();
    c.release(); // idle
    const d = await gate.enter();
    expect(d.take(8).buffer).not.toBe(first.buffer);
    d.release();
  });
});
