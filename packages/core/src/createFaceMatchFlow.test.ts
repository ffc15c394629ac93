import {
  appOrigin,
  completed,
  createFakeWindow,
  envelope,
  makeFaceMatchSession,
  setupFaceMatch,
  tick,
} from "@facekit/test-utils/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFaceMatchFlow } from "./createFaceMatchFlow.ts";
import { pendingKey } from "./internal/redirectStore.ts";
import { FaceKitError } from "./protocol/index.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("popup", () => {
  it("opens a centred popup synchronously, before the session resolves, then navigates it", async () => {
    const { win, flow, session, getSession, types, mint } = setupFaceMatch();
    flow.open();
    expect(win.opens).toEqual([
      {
        url: "",
        target: expect.stringMatching(/^facekit:verisoul:/),
        features: "popup,width=480,height=720,left=500,top=90",
      },
    ]);
    expect(getSession).toHaveBeenCalledTimes(1);
    expect(flow.getSnapshot().status).toBe("preparing");
    expect(win.popups[0]?.url).toBe("");
    await mint();
    expect(win.popups[0]?.url).toBe(session.url);
    expect(flow.getSnapshot()).toMatchObject({ status: "open", sessionId: "s-1" });
    expect(types()).toEqual(["popup_opened", "session_requested", "session_ready"]);
  });

  it("completes with the backend's result after an envelope from the popup", async () => {
    const { win, flow, getResult, types, mint } = setupFaceMatch({ script: [completed()] });
    flow.open();
    await mint();
    const popup = win.popups[0];
    win.post(envelope(), { origin: appOrigin, source: popup });
    expect(flow.getSnapshot().status).toBe("verifying");
    expect(popup?.closed).toBe(true);
    await tick(0);
    expect(getResult).toHaveBeenCalledTimes(1);
    expect(flow.getSnapshot()).toMatchObject({ status: "completed", error: null });
    expect(flow.getSnapshot().result?.decision).toBe("Real");
    expect(types().slice(3)).toEqual(["callback_received", "verifying", "poll", "completed"]);
  });

  it("after a success callback, a pending answer is looked at again within a second", async () => {
    const { win, flow, getResult, mint } = setupFaceMatch({
      script: [{ status: "pending" }, completed()],
    });
    flow.open();
    await mint();
    win.post(envelope(), { origin: appOrigin, source: win.popups[0] });
    await tick(0);
    expect(getResult).toHaveBeenCalledTimes(1);
    await tick(999);
    expect(getResult).toHaveBeenCalledTimes(1);
    await tick(1);
    expect(getResult).toHaveBeenCalledTimes(2);
    expect(flow.getSnapshot().status).toBe("completed");
  });

  it("ignores forged messages: other origin, other window, bad shape, other session", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { win, flow, getResult, mint } = setupFaceMatch();
    flow.open();
    await mint();
    const popup = win.popups[0];
    win.post(envelope(), { origin: "https://evil.test", source: popup });
    win.post(envelope(), { origin: appOrigin, source: {} });
    win.post({ ...envelope(), success: "true" }, { origin: appOrigin, source: popup });
    win.post(envelope("s-other"), { origin: appOrigin, source: popup });
    new win.bus.Channel("facekit").postMessage(envelope("s-other"));
    await tick(0);
    expect(flow.getSnapshot().status).toBe("open");
    expect(popup?.closed).toBe(false);
    expect(getResult).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("[facekit] ignored"));
    warn.mockRestore();
  });

  it("takes a callback message only from this window's own origin and the popup it opened", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // Not the harness's default origin: the rule is "the page's own origin", not a constant.
    const win = createFakeWindow({ origin: "https://shop.test" });
    const { flow, getResult, mint } = setupFaceMatch({ win, script: [completed()] });
    flow.open();
    await mint();
    const popup = win.popups[0];
    // A callback page served from anywhere else (here the default app origin) is ignored, and so
    // is our origin speaking from another window.
    win.post(envelope(), { origin: appOrigin, source: popup });
    win.post(envelope(), { origin: "https://shop.test", source: {} });
    await tick(0);
    expect(flow.getSnapshot().status).toBe("open");
    expect(getResult).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("from this app's origin, https://shop.test"),
    );
    win.post(envelope(), { origin: "https://shop.test", source: popup });
    expect(flow.getSnapshot().status).toBe("verifying");
    await tick(0);
    expect(getResult).toHaveBeenCalledTimes(1);
    expect(flow.getSnapshot().status).toBe("completed");
    warn.mockRestore();
  });

  it("maps a failure envelope to a typed error", async () => {
    const { win, flow, events, mint } = setupFaceMatch();
    flow.open();
    await mint();
    win.post(envelope("s-1", "failed_to_get_camera_permission"), {
      origin: appOrigin,
      source: win.popups[0],
    });
    const { status, error } = flow.getSnapshot();
    expect(status).toBe("failed");
    expect(error).toBeInstanceOf(FaceKitError);
    expect(error).toMatchObject({
      code: "camera_denied",
      vendorCode: "failed_to_get_camera_permission",
    });
    expect(events.at(-1)).toEqual({ type: "failed", error });
    expect(win.popups[0]?.closed).toBe(true);
  });

  it("treats leaving the hosted page before the end as cancelled, not as an error", async () => {
    const { win, flow, events, types, mint } = setupFaceMatch();
    flow.open();
    await mint();
    win.post(envelope("s-1", "failed_to_complete_face_scan"), {
      origin: appOrigin,
      source: win.popups[0],
    });
    expect(flow.getSnapshot()).toMatchObject({ status: "cancelled", error: null });
    expect(events.at(-1)).toEqual({ type: "cancelled" });
    expect(types()).not.toContain("failed");
    expect(win.popups[0]?.closed).toBe(true);
  });

  it("treats a late close by the user as cancelled, not as an error", async () => {
    const { win, flow, types, getResult, mint } = setupFaceMatch();
    flow.open();
    await mint();
    await tick(10_000);
    const popup = win.popups[0];
    if (popup) popup.closed = true;
    await tick(500);
    expect(flow.getSnapshot()).toMatchObject({ status: "cancelled", error: null });
    expect(types()).toContain("cancelled");
    expect(types()).not.toContain("failed");
    // One last look at the backend before calling it cancelled.
    expect(getResult.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it("a popup closed by the user before the session arrives is cancelled and never navigated", async () => {
    const { win, flow, mint } = setupFaceMatch();
    flow.open();
    await tick(300); // later than a popup blocker would close it
    const popup = win.popups[0];
    if (popup) popup.closed = true;
    await mint();
    expect(flow.getSnapshot().status).toBe("cancelled");
    expect(popup?.url).toBe("");
  });

  it("cancel() closes the popup and ends as cancelled", async () => {
    const { win, flow, mint } = setupFaceMatch();
    flow.open();
    await mint();
    flow.cancel();
    expect(flow.getSnapshot().status).toBe("cancelled");
    expect(win.popups[0]?.closed).toBe(true);
  });

  it("open() while the popup is open focuses it instead of opening another", async () => {
    const { win, flow, getSession, mint } = setupFaceMatch();
    flow.open();
    await mint();
    flow.open();
    expect(win.opens).toHaveLength(1);
    expect(getSession).toHaveBeenCalledTimes(1);
    expect(win.popups[0]?.focused).toBe(1);
  });
});

describe("launch", () => {
  it("falls back to a redirect in auto mode when the popup is blocked", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const win = createFakeWindow({ blockPopups: true });
    const { flow, session, types, mint } = setupFaceMatch({ win });
    flow.open();
    await mint();
    expect(JSON.parse(win.storage.get(pendingKey) ?? "")).toEqual({
      sessionId: "s-1",
      token: session.token,
      expiresAt: session.expiresAt,
      returnTo: "https://app.test/signup",
    });
    expect(win.navigations).toEqual([{ kind: "assign", url: session.url }]);
    expect(types()).toEqual([
      "popup_blocked",
      "session_requested",
      "session_ready",
      "redirect_started",
    ]);
    warn.mockRestore();
  });

  it("auto mode: a popup a blocker closed at once counts as blocked and falls back to a redirect", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const win = createFakeWindow({ closePopups: true });
    const { flow, session, types, mint } = setupFaceMatch({ win });
    flow.open();
    await tick(1000); // the watcher saw it closed at 200 ms; the session comes later
    await mint();
    expect(win.navigations).toEqual([{ kind: "assign", url: session.url }]);
    expect(types()).toEqual([
      "popup_opened",
      "session_requested",
      "popup_blocked",
      "session_ready",
      "redirect_started",
    ]);
    expect(flow.getSnapshot().status).toBe("open");
    warn.mockRestore();
  });

  it("auto mode: the same when the session arrives before the watcher looks", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const win = createFakeWindow({ closePopups: true });
    const { flow, session, types, mint } = setupFaceMatch({ win });
    flow.open();
    await mint();
    expect(win.navigations).toEqual([{ kind: "assign", url: session.url }]);
    expect(types()).toContain("popup_blocked");
    expect(types()).not.toContain("cancelled");
    warn.mockRestore();
  });

  it("popup mode: a popup closed at once is cancelled, never redirected", async () => {
    const win = createFakeWindow({ closePopups: true });
    const { flow, mint } = setupFaceMatch({ win, mode: "popup" });
    flow.open();
    await mint();
    expect(flow.getSnapshot().status).toBe("cancelled");
    expect(win.navigations).toEqual([]);
  });

  it("gives every flow its own popup window name", () => {
    const win = createFakeWindow();
    const a = setupFaceMatch({ win });
    const b = setupFaceMatch({ win });
    a.flow.open();
    b.flow.open();
    a.flow.reset();
    a.flow.open();
    const [first, second, again] = win.opens.map((o) => o.target);
    expect(first).toMatch(/^facekit:verisoul:/);
    expect(second).not.toBe(first);
    expect(again).toBe(first);
  });

  it("fails with popup_blocked in popup mode", () => {
    const { flow, getSession } = setupFaceMatch({
      win: createFakeWindow({ blockPopups: true }),
      mode: "popup",
    });
    flow.open();
    expect(flow.getSnapshot().error?.code).toBe("popup_blocked");
    expect(getSession).not.toHaveBeenCalled();
  });

  it("never opens an expired session", async () => {
    const { win, flow, mint } = setupFaceMatch();
    flow.open();
    await mint(makeFaceMatchSession("s-1", -1));
    expect(flow.getSnapshot().error?.code).toBe("session_expired");
    expect(win.popups[0]).toMatchObject({ closed: true, url: "" });
  });

  it("tolerates a server clock a day or more off; caps the local deadline at 10 minutes", async () => {
    const day = 24 * 3600_000;
    for (const [ttl, kept] of [
      [-2 * day + 600_000, 300_000], // server clock two days behind: 5 minutes
      [2 * day, 300_000], // two days ahead: 5 minutes
      [30 * 60_000, 600_000], // a long session: 10 minutes
      [120_000, 120_000], // a sane one: as the server says
    ] as const) {
      const win = createFakeWindow();
      const { flow, mint } = setupFaceMatch({ win, mode: "redirect" });
      flow.open();
      await mint(makeFaceMatchSession("s-1", ttl));
      expect(flow.getSnapshot().error).toBe(null);
      const pending = JSON.parse(win.storage.get(pendingKey) ?? "{}") as { expiresAt: number };
      expect(pending.expiresAt - Date.now()).toBe(kept);
    }
  });

  it("refuses a session url that is not http(s)", async () => {
    const { win, flow, mint } = setupFaceMatch();
    flow.open();
    await mint({ ...makeFaceMatchSession(), url: "javascript:alert(1)" });
    expect(flow.getSnapshot().error?.code).toBe("session_invalid");
    expect(win.popups[0]?.url).toBe("");
  });

  it("keeps a failing mint as the error", async () => {
    const win = createFakeWindow();
    const flow = createFaceMatchFlow({
      window: win,
      getSession: () => Promise.reject(new FaceKitError("unauthorized", "sign in")),
      getResult: () => Promise.resolve({ status: "pending" }),
    });
    flow.open();
    await tick(0);
    expect(flow.getSnapshot().error?.code).toBe("unauthorized");
    expect(win.popups[0]?.closed).toBe(true);
  });
});

describe("lifecycle", () => {
  it("does no work at construction", () => {
    const { win, getSession } = setupFaceMatch();
    expect(win.opens).toHaveLength(0);
    expect(getSession).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(win.listenerCount).toBe(0);
  });

  it("destroy() removes listeners, timers and channels, aborts requests, closes the popup", async () => {
    const { win, flow, results, mint } = setupFaceMatch();
    const seen = vi.fn();
    flow.subscribe(seen);
    flow.open();
    await mint();
    await tick(3000); // a poll happened, the next one is scheduled
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    expect(win.listenerCount).toBe(1);
    expect(win.bus.open.size).toBe(1);
    flow.destroy();
    expect(vi.getTimerCount()).toBe(0);
    expect(win.listenerCount).toBe(0);
    expect(win.bus.open.size).toBe(0);
    expect(win.popups[0]?.closed).toBe(true);
    expect(results.signals.every((s) => s.aborted)).toBe(true);
    seen.mockClear();
    flow.open();
    expect(seen).not.toHaveBeenCalled();
  });

  it("keeps the snapshot identity until something changes; reset() goes back to idle", async () => {
    const { flow, mint } = setupFaceMatch();
    const before = flow.getSnapshot();
    flow.cancel();
    expect(flow.getSnapshot()).toBe(before);
    flow.open();
    await mint();
    const open = flow.getSnapshot();
    await tick(0);
    expect(flow.getSnapshot()).toBe(open);
    flow.reset();
    expect(flow.getSnapshot()).toEqual(before);
    expect(vi.getTimerCount()).toBe(0);
  });
});
