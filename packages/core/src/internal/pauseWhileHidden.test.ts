import { createFakeWindow, deferred, tick } from "@facekit/test-utils/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FaceKitError } from "../protocol/index.ts";
import { createPoller } from "./createPoller.ts";
import { pauseWhileHidden } from "./pauseWhileHidden.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A poller every 1 s on paused timers, over `answers` (then "pending"). */
function setup(answers: (string | FaceKitError | Promise<string>)[] = []) {
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
  createPoller(pauseWhileHidden(win, ctrl.signal), ctrl.signal, 1000, {
    ask,
    onAnswer: () => {},
    onError: () => {},
  });
  return { win, ctrl, at, ask };
}

describe("pauseWhileHidden", () => {
  it("a poller on it pauses while the page is hidden and looks at once when it shows again", async () => {
    const p = setup();
    p.win.setVisibility("hidden");
    await tick(60_000);
    expect(p.ask).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    p.win.setVisibility("visible");
    await tick(0);
    expect(p.ask).toHaveBeenCalledTimes(1);
    p.ctrl.abort();
    expect(p.win.visibilityListenerCount).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a page shown again during a look waits for that look, and asks no second one", async () => {
    const first = deferred<string>();
    const p = setup([first.promise]);
    await tick(1000);
    p.win.setVisibility("hidden");
    p.win.setVisibility("visible");
    await tick(0);
    expect(p.ask).toHaveBeenCalledTimes(1);
    first.resolve("pending");
    await tick(1499);
    expect(p.at).toEqual([1000]);
    await tick(1);
    expect(p.at).toEqual([1000, 2500]);
  });

  it("a page shown again still waits out a rate limit", async () => {
    const p = setup([new FaceKitError("rate_limited", "slow", { retryAfter: 10 })]);
    await tick(1000);
    p.win.setVisibility("hidden");
    await tick(2000);
    p.win.setVisibility("visible");
    await tick(0);
    expect(p.at).toEqual([1000]);
    await tick(8000);
    expect(p.at).toEqual([1000, 11_000]);
  });

  it("abort removes the listener and the timer", async () => {
    const p = setup();
    await tick(500);
    expect(p.win.visibilityListenerCount).toBe(1);
    p.ctrl.abort();
    expect(p.win.visibilityListenerCount).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
