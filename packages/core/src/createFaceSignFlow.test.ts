import {
  makeFaceSignSession,
  makeFaceSignSummary,
  setupFaceSign,
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

describe("createFaceSignFlow", () => {
  it("does nothing until open(), then mints a session and is ready", async () => {
    const t = setupFaceSign();
    expect(t.flow.getSnapshot()).toEqual({
      status: "idle",
      session: null,
      summary: null,
      error: null,
    });
    expect(t.getSession).not.toHaveBeenCalled();
    t.flow.open();
    expect(t.flow.getSnapshot().status).toBe("loading");
    t.flow.open(); // under way: no second mint
    await t.mint();
    expect(t.getSession).toHaveBeenCalledTimes(1);
    expect(t.flow.getSnapshot()).toMatchObject({ status: "ready", session: t.session });
    expect(t.types()).toEqual(["session_requested", "session_ready"]);
    expect(t.events[1]).toEqual({ type: "session_ready", sessionId: "fs-1" });
  });

  it("reset() drops the attempt quietly: idle again, no more polling, open() mints anew", async () => {
    const t = setupFaceSign();
    t.flow.open();
    await t.mint();
    t.flow.reset();
    expect(t.flow.getSnapshot()).toEqual({
      status: "idle",
      session: null,
      summary: null,
      error: null,
    });
    await tick(60_000);
    expect(t.getStatus).not.toHaveBeenCalled();
    expect(t.types()).toEqual(["session_requested", "session_ready"]); // no cancelled
    t.flow.open();
    await t.mint();
    expect(t.getSession).toHaveBeenCalledTimes(2);
  });

  it("polls the status to inProgress, then complete with the summary, and stops", async () => {
    const t = setupFaceSign();
    t.flow.open();
    await t.mint();
    expect(t.getStatus).not.toHaveBeenCalled();
    await tick(2000);
    expect(t.getStatus).toHaveBeenCalledWith(
      { sessionId: "fs-1", clientSecret: "cs-1" },
      expect.any(AbortSignal),
    );
    t.setStatus("inProgress");
    await tick(3000); // 2000 x 1.5
    expect(t.flow.getSnapshot().status).toBe("inProgress");
    t.setStatus("complete");
    await tick(2000); // back to the base interval after a status change
    expect(t.flow.getSnapshot()).toMatchObject({
      status: "completed",
      summary: makeFaceSignSummary(),
    });
    expect(t.types()).toEqual([
      "session_requested",
      "session_ready",
      "status_changed",
      "status_changed",
      "completed",
    ]);
    const calls = t.getStatus.mock.calls.length;
    await tick(60_000);
    expect(t.getStatus).toHaveBeenCalledTimes(calls);
    expect(vi.getTimerCount()).toBe(0);
    expect(t.win.visibilityListenerCount).toBe(0);
  });

  it("backs off x1.5 up to 15 s while nothing changes", async () => {
    const t = setupFaceSign();
    t.flow.open();
    await t.mint();
    const at: number[] = [];
    t.getStatus.mockImplementation(async ({ sessionId }) => {
      at.push(Date.now());
      return { sessionId, status: "created" };
    });
    const t0 = Date.now();
    await tick(60_000);
    const gaps = at.map((x, i) => x - (at[i - 1] ?? t0));
    expect(gaps.slice(0, 4)).toEqual([2000, 3000, 4500, 6750]);
    expect(Math.max(...gaps)).toBe(15_000);
  });

  it("ends as cancelled when the session ends incomplete", async () => {
    const t = setupFaceSign({ script: ["inProgress", "incomplete"] });
    t.flow.open();
    await t.mint();
    await tick(2000 + 2000);
    expect(t.flow.getSnapshot()).toMatchObject({ status: "cancelled", error: null });
    expect(t.types().at(-1)).toBe("cancelled");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("pauses polling while the tab is hidden and looks at once when it shows again", async () => {
    const t = setupFaceSign();
    t.flow.open();
    await t.mint();
    t.win.setVisibility("hidden");
    await tick(120_000);
    expect(t.getStatus).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    t.setStatus("complete");
    t.win.setVisibility("visible");
    await tick(0);
    expect(t.getStatus).toHaveBeenCalledTimes(1);
    expect(t.flow.getSnapshot().status).toBe("completed");
  });

  it("refreshes the secret before it expires while the user has not begun", async () => {
    const t = setupFaceSign();
    t.flow.open();
    await t.mint(makeFaceSignSession("fs-1", "cs-1", 90_000));
    await tick(29_000);
    expect(t.refresh).not.toHaveBeenCalled();
    await tick(1000); // expireAt - 60 s
    expect(t.refresh).toHaveBeenCalledWith("fs-1", expect.any(AbortSignal));
    const { session } = t.flow.getSnapshot();
    expect(session?.url).toBe("https://facesign.test/?cs=cs-2");
    expect(session?.sessionId).toBe("fs-1");
    expect(t.events).toContainEqual({ type: "secret_refreshed", sessionId: "fs-1" });
    expect(t.flow.getSnapshot().status).toBe("ready");
  });

  it("refreshes at once when the backend says FaceSign refuses the secret", async () => {
    const refused = { sessionId: "fs-1", status: "created", secretValid: false } as const;
    const t = setupFaceSign({ script: [refused] });
    t.flow.open();
    await t.mint();
    await tick(2000);
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(t.getStatus.mock.calls.map(([request]) => request)).toEqual([
      { sessionId: "fs-1", clientSecret: "cs-1" },
      { sessionId: "fs-1", clientSecret: "cs-2" },
    ]);
    expect(t.flow.getSnapshot()).toMatchObject({ status: "ready" });
    expect(t.flow.getSnapshot().session?.url).toBe("https://facesign.test/?cs=cs-2");
    expect(t.types()).toContain("secret_refreshed");
  });

  it("gives up with session_invalid when new secrets keep being refused", async () => {
    const t = setupFaceSign();
    t.getStatus.mockImplementation(async ({ sessionId }) => ({
      sessionId,
      status: "created",
      secretValid: false,
    }));
    t.flow.open();
    await t.mint();
    await tick(60_000);
    expect(t.refresh).toHaveBeenCalledTimes(3);
    expect(t.flow.getSnapshot()).toMatchObject({ status: "failed" });
    expect(t.flow.getSnapshot().error?.code).toBe("session_invalid");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("hands a ready session this close to expiry a new secret before it is shown", async () => {
    const t = setupFaceSign();
    t.flow.open();
    await t.mint(makeFaceSignSession("fs-1", "cs-1", 30_000));
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(t.flow.getSnapshot()).toMatchObject({ status: "ready" });
    expect(t.flow.getSnapshot().session?.url).toBe("https://facesign.test/?cs=cs-2");
    expect(t.types()).toEqual(["session_requested", "secret_refreshed", "session_ready"]);
  });

  it("never swaps the secret once the user is in the session", async () => {
    const t = setupFaceSign({ script: ["inProgress"] });
    t.flow.open();
    await t.mint(makeFaceSignSession("fs-1", "cs-1", 90_000));
    await tick(2000);
    expect(t.flow.getSnapshot().status).toBe("inProgress");
    await tick(5 * 60_000);
    expect(t.refresh).not.toHaveBeenCalled();
    expect(t.flow.getSnapshot().session?.url).toBe("https://facesign.test/?cs=cs-1");
    expect(t.types()).not.toContain("secret_refreshed");
    // Once begun, the secret no longer goes along.
    expect(t.getStatus.mock.calls.at(-1)?.[0]).toEqual({ sessionId: "fs-1" });
  });

  it("keeps the old page when the user began while the secret was being refreshed", async () => {
    const t = setupFaceSign({ script: ["created", "inProgress"] });
    t.flow.open();
    await t.mint(makeFaceSignSession("fs-1", "cs-1", 61_000));
    await tick(1000);
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(t.flow.getSnapshot()).toMatchObject({ status: "inProgress" });
    expect(t.flow.getSnapshot().session?.url).toBe("https://facesign.test/?cs=cs-1");
    expect(t.types()).not.toContain("secret_refreshed");
  });

  it("waits retryAfter when rate limited", async () => {
    const limited = new FaceKitError("rate_limited", "Slow down", { retryAfter: 30 });
    const t = setupFaceSign({ script: [limited, "complete"] });
    t.flow.open();
    await t.mint();
    await tick(2000);
    expect(t.getStatus).toHaveBeenCalledTimes(1);
    await tick(29_999);
    expect(t.getStatus).toHaveBeenCalledTimes(1);
    await tick(1);
    expect(t.getStatus).toHaveBeenCalledTimes(2);
    expect(t.flow.getSnapshot().status).toBe("completed");
  });

  it("retries network trouble three times before the user began, then fails with the typed error", async () => {
    const down = () => new FaceKitError("network", "Could not reach /api/facekit/facesign/status");
    const t = setupFaceSign({
      script: [down(), down(), "created", down(), down(), down(), down()],
    });
    t.flow.open();
    await t.mint();
    await tick(120_000);
    expect(t.flow.getSnapshot().status).toBe("failed");
    expect(t.flow.getSnapshot().error?.code).toBe("network");
    expect(t.getStatus).toHaveBeenCalledTimes(7);
    expect(t.events.at(-1)).toMatchObject({ type: "failed" });
    expect(t.types()).not.toContain("status_unavailable");
  });

  it("never tears an inProgress session down on transient errors: backs off to 15 s, says so once per outage", async () => {
    const down = () => new FaceKitError("network", "Could not reach /api/facekit/facesign/status");
    const busy = () => new FaceKitError("vendor_unavailable", "FaceSign is down");
    const limited = () => new FaceKitError("rate_limited", "Slow down", { retryAfter: 1 });
    const outage = [down(), busy(), limited(), ...Array.from({ length: 12 }, down)];
    const t = setupFaceSign({ script: ["inProgress", ...outage, "inProgress", busy()] });
    const at: number[] = [];
    const answer = t.getStatus.getMockImplementation();
    t.getStatus.mockImplementation(async (id, signal) => {
      at.push(Date.now());
      if (!answer) throw new Error("the harness answers the status route");
      return answer(id, signal);
    });
    t.flow.open();
    await t.mint();
    await tick(2000);
    expect(t.flow.getSnapshot().status).toBe("inProgress");
    const seen: string[] = [];
    t.flow.subscribe(() => seen.push(t.flow.getSnapshot().status));
    await tick(10 * 60_000);
    expect(t.getStatus.mock.calls.length).toBeGreaterThan(outage.length + 2);
    expect(seen.every((s) => s === "inProgress")).toBe(true);
    expect(t.flow.getSnapshot()).toMatchObject({ status: "inProgress", error: null });
    const gaps = at.map((x, i) => x - (at[i - 1] ?? x));
    expect(Math.max(...gaps)).toBe(15_000);
    // One event for the long outage, one for the later blip; the snapshot never failed.
    const unavailable = t.events.filter((e) => e.type === "status_unavailable");
    expect(unavailable).toHaveLength(2);
    expect(unavailable[0]).toMatchObject({ sessionId: "fs-1", error: { code: "network" } });
    expect(t.types()).not.toContain("failed");
    expect(vi.getTimerCount()).toBe(1); // still polling
    t.setStatus("complete");
    await tick(15_000);
    expect(t.flow.getSnapshot().status).toBe("completed");
  });

  it("fails at once on a status error that retrying cannot fix", async () => {
    const t = setupFaceSign({ script: [new FaceKitError("session_invalid", "Unknown session")] });
    t.flow.open();
    await t.mint();
    await tick(2000);
    expect(t.flow.getSnapshot().error?.code).toBe("session_invalid");
  });

  it("fails with the mint's typed error, and start() tries again", async () => {
    const t = setupFaceSign();
    t.getSession.mockRejectedValueOnce(new FaceKitError("unauthorized", "Sign in first."));
    t.flow.open();
    await tick(0);
    expect(t.flow.getSnapshot()).toMatchObject({ status: "failed", session: null });
    expect(t.flow.getSnapshot().error?.code).toBe("unauthorized");
    t.flow.open();
    await t.mint();
    expect(t.flow.getSnapshot()).toMatchObject({ status: "ready", error: null });
  });

  it("wraps an unexpected mint error as internal, keeping the cause", async () => {
    const t = setupFaceSign();
    const boom = new TypeError("boom");
    t.getSession.mockRejectedValueOnce(boom);
    t.flow.open();
    await tick(0);
    expect(t.flow.getSnapshot().error).toMatchObject({ code: "internal", cause: boom });
  });

  it("cancel() ends the attempt as cancelled and stops polling", async () => {
    const t = setupFaceSign();
    const onCancelled = vi.fn();
    t.flow.on((e) => e.type === "cancelled" && onCancelled());
    t.flow.open();
    await t.mint();
    t.flow.cancel();
    expect(t.flow.getSnapshot().status).toBe("cancelled");
    expect(onCancelled).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(t.win.visibilityListenerCount).toBe(0);
    t.flow.cancel(); // nothing under way
    expect(onCancelled).toHaveBeenCalledTimes(1);
  });

  it("destroy() leaves no timers or listeners and ignores a late mint", async () => {
    const t = setupFaceSign();
    const listener = vi.fn();
    t.flow.subscribe(listener);
    t.flow.open();
    await t.mint();
    await tick(2000);
    expect(vi.getTimerCount()).toBe(1);
    expect(t.win.visibilityListenerCount).toBe(1);
    t.flow.destroy();
    expect(vi.getTimerCount()).toBe(0);
    expect(t.win.visibilityListenerCount).toBe(0);
    listener.mockClear();
    t.flow.open();
    await tick(60_000);
    expect(listener).not.toHaveBeenCalled();
    expect(t.getSession).toHaveBeenCalledTimes(1);
  });

  it("destroy() during the mint drops the late session", async () => {
    const t = setupFaceSign();
    t.flow.open();
    t.flow.destroy();
    await t.mint();
    expect(t.getStatus).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(t.win.visibilityListenerCount).toBe(0);
  });
});
