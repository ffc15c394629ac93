import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFaceMatchFlow } from "./createFaceMatchFlow.ts";
import { pendingKey } from "./internal/redirectStore.ts";
import { createFakeWindow, type FakeWindow } from "./internal/testing/fakeWindow.ts";
import {
  completed,
  deferred,
  envelope,
  makeSession,
  scriptedResults,
} from "./internal/testing/fixtures.ts";
import {
  FaceKitError,
  type FaceMatchResultResponse,
  type FaceMatchSession,
} from "./protocol/index.ts";
import type { FaceMatchEvent, FaceMatchFlowOptions } from "./types.ts";

const appOrigin = "https://app.test";

function setup(
  options: Partial<FaceMatchFlowOptions> & {
    win?: FakeWindow;
    script?: (FaceMatchResultResponse | FaceKitError)[];
  } = {},
) {
  const { win = createFakeWindow(), script, ...rest } = options;
  const session = makeSession();
  const minted = deferred<FaceMatchSession>();
  const getSession = vi.fn((_signal: AbortSignal) => minted.promise);
  const results = scriptedResults(script);
  const getResult = vi.fn(results.getResult);
  const flow = createFaceMatchFlow({ window: win, getSession, getResult, ...rest });
  const events: FaceMatchEvent[] = [];
  flow.on((e) => events.push(e));
  const types = () => events.map((e) => e.type);
  /** Resolves the mint with `s` and lets the flow react. */
  const mint = async (s = session) => {
    minted.resolve(s);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { win, flow, session, getSession, getResult, results, events, types, mint };
}

const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("popup", () => {
  it("opens a centred popup synchronously, before the session resolves, then navigates it", async () => {
    const { win, flow, session, getSession, types, mint } = setup();
    flow.open();
    expect(win.opens).toEqual([
      {
        url: "",
        target: "facekit_verisoul",
        features: "popup,width=480,height=720,left=500,top=90",
      },
    ]);
    expect(getSession).toHaveBeenCalledTimes(1);
    expect(flow.getSnapshot().status).toBe("preparing");
    expect(win.popups[0]?.location.href).toBe("");
    await mint();
    expect(win.popups[0]?.location.href).toBe(session.url);
    expect(flow.getSnapshot()).toMatchObject({ status: "open", sessionId: "s-1" });
    expect(types()).toEqual(["popup_opened", "session_requested", "session_ready"]);
  });

  it("completes with the backend's result after an envelope from the popup", async () => {
    const { win, flow, getResult, types, mint } = setup({ script: [completed()] });
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

  it("ignores forged messages: other origin, other window, bad shape, other session", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { win, flow, getResult, mint } = setup();
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

  it("maps a failure envelope to a typed error", async () => {
    const { win, flow, events, mint } = setup();
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

  it("treats a late close by the user as cancelled, not as an error", async () => {
    const { win, flow, types, getResult, mint } = setup();
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
    const { win, flow, mint } = setup();
    flow.open();
    const popup = win.popups[0];
    if (popup) popup.closed = true;
    await mint();
    expect(flow.getSnapshot().status).toBe("cancelled");
    expect(popup?.location.href).toBe("");
  });

  it("cancel() closes the popup and ends as cancelled", async () => {
    const { win, flow, mint } = setup();
    flow.open();
    await mint();
    flow.cancel();
    expect(flow.getSnapshot().status).toBe("cancelled");
    expect(win.popups[0]?.closed).toBe(true);
  });

  it("open() while the popup is open focuses it instead of opening another", async () => {
    const { win, flow, getSession, mint } = setup();
    flow.open();
    await mint();
    flow.open();
    expect(win.opens).toHaveLength(1);
    expect(getSession).toHaveBeenCalledTimes(1);
    expect(win.popups[0]?.focused).toBe(1);
  });
});

describe("detached and hand-off", () => {
  it("a popup closed right after navigating is detached; the BroadcastChannel completes it", async () => {
    const { win, flow, types, mint } = setup({ script: [completed()] });
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
    const { win, flow, getResult, mint } = setup({ script: [{ status: "pending" }, completed()] });
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

  it("completes by polling alone (desktop QR hand-off), backing off x1.5", async () => {
    const { flow, getResult, events, mint } = setup({
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

describe("launch", () => {
  it("falls back to a redirect in auto mode when the popup is blocked", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const win = createFakeWindow({ blockPopups: true });
    const { flow, session, types, mint } = setup({ win });
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

  it("fails with popup_blocked in popup mode", () => {
    const { flow, getSession } = setup({
      win: createFakeWindow({ blockPopups: true }),
      mode: "popup",
    });
    flow.open();
    expect(flow.getSnapshot().error?.code).toBe("popup_blocked");
    expect(getSession).not.toHaveBeenCalled();
  });

  it("never opens an expired session", async () => {
    const { win, flow, mint } = setup();
    flow.open();
    await mint(makeSession("s-1", -1));
    expect(flow.getSnapshot().error?.code).toBe("session_expired");
    expect(win.popups[0]).toMatchObject({ closed: true, location: { href: "" } });
  });

  it("refuses a session url that is not http(s)", async () => {
    const { win, flow, mint } = setup();
    flow.open();
    await mint({ ...makeSession(), url: "javascript:alert(1)" });
    expect(flow.getSnapshot().error?.code).toBe("session_invalid");
    expect(win.popups[0]?.location.href).toBe("");
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

describe("polling errors", () => {
  it("waits retryAfter on rate_limited, then keeps polling", async () => {
    const limited = new FaceKitError("rate_limited", "slow down", { retryAfter: 10 });
    const { flow, getResult, mint } = setup({ script: [limited, completed()] });
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
    const { flow, getResult, mint } = setup({ script: [down(), down(), down(), down()] });
    flow.open();
    await mint();
    await tick(60_000);
    expect(getResult).toHaveBeenCalledTimes(4);
    expect(flow.getSnapshot().error?.code).toBe("network");
  });

  it("fails at once on other errors", async () => {
    const { flow, mint } = setup({ script: [new FaceKitError("session_invalid", "used")] });
    flow.open();
    await mint();
    await tick(3000);
    expect(flow.getSnapshot().error?.code).toBe("session_invalid");
  });
});

describe("redirect mode", () => {
  function returnFromVendor(storage: Map<string, string>, success = true) {
    storage.set(
      "facekit:verisoul:returned",
      JSON.stringify(success ? envelope() : envelope("s-1", "liveness_check_failed")),
    );
  }

  it("stores the attempt, leaves, and resumes on return (resume twice = one request)", async () => {
    const first = setup({ mode: "redirect" });
    first.flow.open();
    await first.mint();
    expect(first.win.opens).toHaveLength(0);
    expect(first.win.navigations).toEqual([{ kind: "assign", url: first.session.url }]);
    returnFromVendor(first.win.storage);

    const back = setup({
      mode: "redirect",
      win: createFakeWindow({ storage: first.win.storage }),
      script: [completed()],
    });
    back.flow.resume();
    back.flow.resume();
    expect(back.flow.getSnapshot()).toMatchObject({ status: "verifying", sessionId: "s-1" });
    expect(back.getResult).toHaveBeenCalledTimes(1);
    expect(back.getResult.mock.calls[0]?.[0].token).toBe(first.session.token);
    expect(first.win.storage.size).toBe(2); // cleared only once settled
    await tick(0);
    expect(back.flow.getSnapshot().status).toBe("completed");
    expect(first.win.storage.size).toBe(0);
  });

  it("a destroyed first mount (StrictMode) leaves the attempt for the second", async () => {
    const storage = new Map<string, string>();
    const first = setup({ mode: "redirect", win: createFakeWindow({ storage }) });
    first.flow.open();
    await first.mint();
    returnFromVendor(storage);

    const mountA = setup({ win: createFakeWindow({ storage }), script: [completed()] });
    mountA.flow.resume();
    mountA.flow.destroy();
    await tick(0);
    const mountB = setup({ win: createFakeWindow({ storage }), script: [completed()] });
    mountB.flow.resume();
    await tick(0);
    expect(mountB.flow.getSnapshot().status).toBe("completed");
    expect(storage.size).toBe(0);
  });

  it("a failed return ends as failed and clears storage", async () => {
    const storage = new Map<string, string>();
    const first = setup({ mode: "redirect", win: createFakeWindow({ storage }) });
    first.flow.open();
    await first.mint();
    returnFromVendor(storage, false);
    const back = setup({ win: createFakeWindow({ storage }) });
    back.flow.resume();
    expect(back.flow.getSnapshot().error?.code).toBe("liveness_failed");
    expect(back.getResult).not.toHaveBeenCalled();
    expect(storage.size).toBe(0);
  });

  it("resume() without a returned outcome does nothing", () => {
    const { flow, getResult } = setup();
    flow.resume();
    expect(flow.getSnapshot().status).toBe("idle");
    expect(getResult).not.toHaveBeenCalled();
  });
});

describe("lifecycle", () => {
  it("does no work at construction", () => {
    const { win, getSession } = setup();
    expect(win.opens).toHaveLength(0);
    expect(getSession).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(win.listenerCount).toBe(0);
  });

  it("destroy() removes listeners, timers and channels, aborts requests, closes the popup", async () => {
    const { win, flow, results, mint } = setup();
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
    const { flow, mint } = setup();
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
