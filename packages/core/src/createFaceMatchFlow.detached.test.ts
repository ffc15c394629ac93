/** Popup watching (COOP severance, user close), detaching, and polling. */

import {
  completed,
  createFakeWindow,
  envelope,
  makeFaceMatchSession,
  setupFaceMatch,
  tick,
} from "@facekit/test-utils/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FaceKitError } from "./protocol/index.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("detached and hand-off", () => {
  it("a popup closed right after navigating is detached; the BroadcastChannel completes it", async () => {
    const { win, flow, types, mint } = setupFaceMatch({ script: [completed()] });
    flow.open();
    await mint();
    const popup = win.popups[0];
    if (popup) popup.closed = true; // COOP severance reads as closed
    await tick(500);
    expect(flow.getSnapshot()).toMatchObject({ status: "open", detached: true });
    expect(types()).toContain("popup_detached");
    new win.bus.Channel("facekit").postMessage(envelope());
    await tick(0);
    expect(flow.getSnapshot().status).toBe("completed");
  });

  it("a detached flow still completes through polling", async () => {
    const { win, flow, getResult, mint } = setupFaceMatch({
      script: [{ status: "pending" }, completed()],
    });
    flow.open();
    await mint();
    const popup = win.popups[0];
    if (popup) popup.closed = true;
    await tick(500);
    expect(flow.getSnapshot().detached).toBe(true);
    await tick(2500);
    expect(getResult).toHaveBeenCalledTimes(1);
    await tick(4500);
    expect(flow.getSnapshot().status).toBe("completed");
  });

  it("a vendor page slower than severWindowMs, then severed as it loads: detached, not cancelled", async () => {
    const win = createFakeWindow({ popupLoadMs: 5000 });
    const { flow, types, mint } = setupFaceMatch({ win });
    flow.open();
    await mint();
    await tick(5000);
    const popup = win.popups[0];
    if (popup) popup.closed = true; // COOP: "closed" the moment the vendor page commits
    await tick(200);
    expect(flow.getSnapshot()).toMatchObject({ status: "open", detached: true });
    expect(types()).not.toContain("cancelled");
  });

  it("a close while the vendor page is still loading, or soon after it loaded, is detached", async () => {
    for (const [loadMs, closeAt] of [
      [60_000, 10_000], // never seen loaded
      [5000, 5800], // seen loaded at 5200, closed 0.6 s later (< severWindowMs)
    ] as const) {
      const win = createFakeWindow({ popupLoadMs: loadMs });
      const { flow, mint } = setupFaceMatch({ win });
      flow.open();
      await mint();
      await tick(closeAt);
      const popup = win.popups[0];
      if (popup) popup.closed = true;
      await tick(200);
      expect(flow.getSnapshot()).toMatchObject({ status: "open", detached: true });
      flow.destroy();
    }
  });

  it("a close past severWindowMs after the vendor page loaded is a cancel within about a second", async () => {
    const win = createFakeWindow({ popupLoadMs: 1000 });
    const { flow, types, getResult, mint } = setupFaceMatch({
      win,
      script: [{ status: "pending" }],
    });
    flow.open();
    await mint();
    await tick(2400); // seen loaded at 1200; closed 1.2 s later (> the 1 s default)
    const popup = win.popups[0];
    if (popup) popup.closed = true;
    await tick(200);
    await tick(0);
    expect(getResult).toHaveBeenCalledTimes(1); // one last look at once
    expect(flow.getSnapshot()).toMatchObject({ status: "cancelled", detached: false });
    expect(types()).not.toContain("popup_detached");
  });

  it("a vendor page on the app's own origin (the static Storybook's simulator) is seen loaded too: a late close is a cancel", async () => {
    const sameOrigin = new URL(makeFaceMatchSession().url).origin;
    const win = createFakeWindow({ origin: sameOrigin, popupLoadMs: 1000 });
    const { flow, types, mint } = setupFaceMatch({ win, script: [{ status: "pending" }] });
    flow.open();
    await mint();
    await tick(2400); // its URL read at 1200; closed 1.2 s later
    const popup = win.popups[0];
    if (popup) popup.closed = true;
    await tick(200);
    await tick(0);
    expect(flow.getSnapshot()).toMatchObject({ status: "cancelled", detached: false });
    expect(types()).not.toContain("popup_detached");
  });

  it("the fake popup throws on reading a cross-origin location, like a browser", async () => {
    const win = createFakeWindow({ popupLoadMs: 100 });
    const popup = win.open("", "x", "");
    if (!popup) throw new Error("no popup");
    expect(popup.location.href).toBe("about:blank");
    popup.location.href = "https://verisoul.test/?session_id=s-1";
    expect(popup.location.href).toBe("about:blank"); // still loading
    await tick(100);
    expect(() => popup.location.href).toThrow(DOMException);
    popup.location.href = "https://app.test/callback";
    await tick(100);
    expect(popup.location.href).toBe("https://app.test/callback");
  });

  it("a detached flow gives up after detachedTimeoutMs (default 10 min): one last look, then cancelled", async () => {
    const { win, flow, getResult, events, types, mint } = setupFaceMatch();
    flow.open();
    await mint();
    const popup = win.popups[0];
    if (popup) popup.closed = true;
    await tick(200);
    expect(flow.getSnapshot().detached).toBe(true);
    await tick(600_000 - 1000);
    expect(flow.getSnapshot().status).toBe("open");
    const asked = getResult.mock.calls.length;
    await tick(1000);
    expect(getResult.mock.calls.length).toBe(asked + 1);
    expect(flow.getSnapshot()).toMatchObject({ status: "cancelled", error: null });
    expect(events.at(-1)).toEqual({ type: "cancelled" });
    expect(types()).not.toContain("failed");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("detachedTimeoutMs is an option, and the last look can still complete", async () => {
    const { win, flow, results, mint } = setupFaceMatch({ detachedTimeoutMs: 20_000 });
    flow.open();
    await mint();
    const popup = win.popups[0];
    if (popup) popup.closed = true;
    await tick(200);
    await tick(19_000);
    expect(flow.getSnapshot().status).toBe("open");
    results.script.push(completed());
    await tick(1000);
    expect(flow.getSnapshot().status).toBe("completed");
  });

  it("completes by polling alone (desktop QR hand-off), backing off x1.5", async () => {
    const { flow, getResult, events, mint } = setupFaceMatch({
      script: [{ status: "pending" }, { status: "pending" }, completed()],
    });
    flow.open();
    await mint();
    await tick(2999);
    expect(getResult).not.toHaveBeenCalled();
    await tick(1);
    expect(getResult).toHaveBeenCalledTimes(1);
    await tick(4499);
    expect(getResult).toHaveBeenCalledTimes(1);
    await tick(1);
    expect(getResult).toHaveBeenCalledTimes(2);
    await tick(6750);
    expect(getResult).toHaveBeenCalledTimes(3);
    expect(flow.getSnapshot().status).toBe("completed");
    expect(
      events.filter((e) => e.type === "poll").map((e) => e.type === "poll" && e.attempt),
    ).toEqual([1, 2, 3]);
  });
});

describe("polling errors", () => {
  it("waits retryAfter on rate_limited, then keeps polling", async () => {
    const limited = new FaceKitError("rate_limited", "slow down", { retryAfter: 10 });
    const { flow, getResult, mint } = setupFaceMatch({ script: [limited, completed()] });
    flow.open();
    await mint();
    await tick(3000);
    expect(getResult).toHaveBeenCalledTimes(1);
    await tick(9999);
    expect(getResult).toHaveBeenCalledTimes(1);
    await tick(1);
    expect(flow.getSnapshot().status).toBe("completed");
  });

  it("retries network errors a few times, then fails", async () => {
    const down = () => new FaceKitError("network", "offline");
    const { flow, getResult, mint } = setupFaceMatch({ script: [down(), down(), down(), down()] });
    flow.open();
    await mint();
    await tick(60_000);
    expect(getResult).toHaveBeenCalledTimes(4);
    expect(flow.getSnapshot().error?.code).toBe("network");
  });

  it("fails at once on other errors", async () => {
    const { flow, mint } = setupFaceMatch({
      script: [new FaceKitError("session_invalid", "used")],
    });
    flow.open();
    await mint();
    await tick(3000);
    expect(flow.getSnapshot().error?.code).toBe("session_invalid");
  });
});
