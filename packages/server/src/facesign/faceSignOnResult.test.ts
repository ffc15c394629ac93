import { createFaceSignHarness } from "@facekit/test-utils/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FaceSignResultEvent } from "./types.ts";

afterEach(() => {
  vi.useRealTimers();
});

function recorder() {
  const events: FaceSignResultEvent[] = [];
  const onResult = vi.fn(async (event: FaceSignResultEvent) => {
    await new Promise((resolve) => setTimeout(resolve, 5)); // a database write
    events.push(event);
  });
  return { events, onResult };
}

describe("facesign.onResult", () => {
  it("gets the whole finished session once, before the browser hears complete", async () => {
    const { events, onResult } = recorder();
    const t = createFaceSignHarness({ onResult }, { webhooks: false });
    const session = await t.mint();
    await t.walk(session.url);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.advanceTimersByTime(2_001);
    const polls = await Promise.all([1, 2, 3].map(() => t.status(session.sessionId)));
    vi.useRealTimers();
    expect(polls.map((p) => p.body.status)).toEqual(["complete", "complete", "complete"]);
    expect(events).toHaveLength(1); // written before any of the three answers
    await t.status(session.sessionId);
    expect(onResult).toHaveBeenCalledTimes(1);
    const [event] = events;
    expect(event).toMatchObject({
      accountId: "acct-1",
      sessionId: session.sessionId,
      status: "complete",
    });
    // Server-side only: the whole report, which the browser's summary leaves out.
    expect(event?.session.report?.transcript?.length).toBeGreaterThan(0);
  });

  it("hears of a session the person left through FaceSign's webhook, with no poll at all", async () => {
    const { events, onResult } = recorder();
    const t = createFaceSignHarness({ onResult });
    const session = await t.mint();
    await t.walk(session.url, "leave");
    await t.settle();
    expect(events.map((e) => [e.sessionId, e.status])).toEqual([[session.sessionId, "incomplete"]]);
  });

  it("answers an error while the hook fails, and calls it again at the next poll", async () => {
    const onResult = vi.fn().mockRejectedValueOnce(new Error("database down"));
    const t = createFaceSignHarness({ onResult }, { webhooks: false });
    const session = await t.mint();
    await t.walk(session.url);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.advanceTimersByTime(2_001);
    const failed = await t.status(session.sessionId);
    expect(failed.status).toBe(500);
    expect(failed.body.error?.code).toBe("internal");
    expect((await t.status(session.sessionId)).body.status).toBe("complete");
    expect(onResult).toHaveBeenCalledTimes(2);
  });

  it("must be a function", () => {
    expect(() => createFaceSignHarness({ onResult: "save" as never })).toThrow(
      /facesign.onResult must be a function/,
    );
  });
});
