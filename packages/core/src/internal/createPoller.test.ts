import { createFakeWindow, deferred, tick } from "@facekit/test-utils/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FaceKitError } from "../protocol/index.ts";
import { createPoller, type PollerHooks, type PollerTimers } from "./createPoller.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Answer = string | FaceKitError | Promise<string>;
const down = () => new FaceKitError("network", "offline");
const limited = (retryAfter?: number) => new FaceKitError("rate_limited", "slow", { retryAfter });

/**
 * A poller every 1 s over `answers` (then "pending"); "done" ends it (the caller aborts, as a flow
 * does), "news" restarts the back-off, and it stops by itself when it gives up.
 */
function setup(
  answers: Answer[] = [],
  more: Partial<PollerHooks<string>> & { timers?: (signal: AbortSignal) => PollerTimers } = {},
) {
  const win = createFakeWindow();
  const ctrl = new AbortController();
  const t0 = Date.now();
  const at: number[] = [];
  const ask = vi.fn(async () => {
    at.push(Date.now() - t0);
    const next = answers.shift() ?? "pending";
    if (next instanceof FaceKitError) throw next;
    return next;
  });
  const onAnswer = vi.fn((answer: string) => {
    if (answer === "done") ctrl.abort();
    return answer === "news";
  });
  const onError = vi.fn((_error: FaceKitError, _retrying: boolean) => {});
  const { timers = () => win, ...hooks } = more;
  const now = createPoller(timers(ctrl.signal), ctrl.signal, 1000, {
    ask,
    ...hooks,
    onAnswer,
    onError,
  });
  const retrying = () => onError.mock.calls.map(([, r]) => r);
  return { win, ctrl, at, ask, onAnswer, onError, now, retrying };
}

describe("createPoller", () => {
  it("waits intervalMs first, then x1.5 each time, capped at 15 s", async () => {
    const p = setup();
    await tick(999);
    expect(p.ask).not.toHaveBeenCalled();
    await tick(120_000);
    const gaps = p.at.map((x, i) => x - (p.at[i - 1] ?? 0));
    expect(gaps.slice(0, 5)).toEqual([1000, 1500, 2250, 3375, 5062]);
    expect(gaps.slice(7)).toEqual(Array(gaps.length - 7).fill(15_000));
  });

  it("stops when the caller aborts on an answer: no more looks, no timer", async () => {
    const p = setup(["pending", "done"]);
    await tick(60_000);
    expect(p.ask).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("an answer that is news starts the back-off again", async () => {
    const p = setup(["pending", "pending", "news"]);
    await tick(1000 + 1500 + 2250 + 1000);
    expect(p.at).toEqual([1000, 2500, 4750, 5750]);
  });

  it("retries network and vendor_unavailable 3 times in a row, then gives up", async () => {
    const busy = new FaceKitError("vendor_unavailable", "down");
    const p = setup([down(), down(), down(), "pending", down(), busy, down(), down()]);
    await tick(120_000);
    expect(p.ask).toHaveBeenCalledTimes(8); // the answer in between started the count again
    expect(p.retrying()).toEqual([true, true, true, true, true, true, false]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives up at once on any other error", async () => {
    const p = setup([new FaceKitError("session_invalid", "used")]);
    await tick(60_000);
    expect(p.ask).toHaveBeenCalledTimes(1);
    expect(p.retrying()).toEqual([false]);
    p.now(1000); // given up: nothing more to ask
    expect(p.ask).toHaveBeenCalledTimes(1);
  });

  it("keepRetrying: transient errors never give up while it says true", async () => {
    const p = setup(Array.from({ length: 10 }, down), { keepRetrying: () => true });
    await tick(120_000);
    expect(p.ask.mock.calls.length).toBeGreaterThan(10);
    expect(p.retrying().every(Boolean)).toBe(true);
  });

  it("rate_limited: the next look waits at least retryAfter; never a failure", async () => {
    const p = setup([limited(10), limited(), limited(0.5), limited(), "done"]);
    await tick(120_000);
    // 10 s rather than 1.5 s; the back-off when it says less, or nothing.
    expect(p.at).toEqual([1000, 11_000, 13_250, 16_625, 21_687]);
    expect(p.retrying()).toEqual([true, true, true, true]);
  });

  it("never asks twice at once: now() during a look asks again right after it", async () => {
    const first = deferred<string>();
    const p = setup([first.promise]);
    await tick(1000);
    p.now(1000);
    p.now(1000);
    expect(p.ask).toHaveBeenCalledTimes(1);
    first.resolve("pending");
    await tick(0);
    expect(p.ask).toHaveBeenCalledTimes(2);
  });

  it("now() looks at once and starts the back-off again from its delay", async () => {
    const p = setup();
    await tick(1000 + 1500 + 2250);
    p.now(100);
    await tick(100);
    expect(p.at).toEqual([1000, 2500, 4750, 4750, 4850]);
  });

  it("dueIn caps the next wait", async () => {
    const p = setup([], { dueIn: () => 400 });
    await tick(1000);
    expect(p.at).toEqual([400, 800]);
  });

  it("abort: no timer, and an answer that lands later is dropped", async () => {
    const late = deferred<string>();
    const p = setup([late.promise]);
    await tick(1000);
    p.ctrl.abort();
    late.resolve("done");
    await tick(60_000);
    p.now(1000);
    expect(p.ask).toHaveBeenCalledTimes(1);
    expect(p.onAnswer).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
