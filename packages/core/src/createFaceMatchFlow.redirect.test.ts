/** Redirect mode: leaving for the vendor and resuming on return, StrictMode included. */

import {
  completed,
  createFakeWindow,
  envelope,
  flushMicrotasks,
  makeFaceMatchSession,
  setupFaceMatch,
  tick,
} from "@facekit/test-utils/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pendingKey } from "./internal/redirectStore.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("redirect mode", () => {
  /** A page that opened in redirect mode and left for the vendor; returns its sessionStorage. */
  async function leftForVendor(session?: ReturnType<typeof makeFaceMatchSession>) {
    const storage = new Map<string, string>();
    const first = setupFaceMatch({ mode: "redirect", win: createFakeWindow({ storage }) });
    first.flow.open();
    await first.mint(session);
    return storage;
  }

  /** A new flow mounted in the same tab (same sessionStorage), answering from `script`. */
  const mountOnSameTab = (storage: Map<string, string>, script?: ReturnType<typeof completed>[]) =>
    setupFaceMatch({ win: createFakeWindow({ storage }), script });

  function returnFromVendor(storage: Map<string, string>, success = true) {
    storage.set(
      "facekit:verisoul:returned",
      JSON.stringify(success ? envelope() : envelope("s-1", "liveness_check_failed")),
    );
  }

  it("stores the attempt, leaves, and resumes on return (resume twice = one request)", async () => {
    const first = setupFaceMatch({ mode: "redirect" });
    first.flow.open();
    await first.mint();
    expect(first.win.opens).toHaveLength(0);
    expect(first.win.navigations).toEqual([{ kind: "assign", url: first.session.url }]);
    returnFromVendor(first.win.storage);

    const back = setupFaceMatch({
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
    const storage = await leftForVendor();
    returnFromVendor(storage);

    const mountA = mountOnSameTab(storage, [completed()]);
    mountA.flow.resume();
    mountA.flow.destroy();
    await tick(0);
    const mountB = mountOnSameTab(storage, [completed()]);
    mountB.flow.resume();
    await tick(0);
    expect(mountB.flow.getSnapshot().status).toBe("completed");
    expect(storage.size).toBe(0);
  });

  it("a second click while the page leaves for the vendor does nothing", async () => {
    const { win, flow, getSession, mint } = setupFaceMatch({ mode: "redirect" });
    flow.open();
    await mint();
    const pending = win.storage.get(pendingKey);
    flow.open();
    await tick(0);
    expect(getSession).toHaveBeenCalledTimes(1);
    expect(win.navigations).toHaveLength(1);
    expect(win.storage.get(pendingKey)).toBe(pending);
    expect(flow.getSnapshot().status).toBe("open");
  });

  it("StrictMode double mount keeps a failed return: the second flow fails too, then storage clears", async () => {
    const storage = await leftForVendor();
    returnFromVendor(storage, false);

    const mountA = mountOnSameTab(storage);
    mountA.flow.resume();
    expect(mountA.flow.getSnapshot().status).toBe("failed");
    mountA.flow.destroy();
    const mountB = mountOnSameTab(storage);
    mountB.flow.resume();
    expect(mountB.flow.getSnapshot().error?.code).toBe("liveness_failed");
    await tick(0);
    expect(storage.size).toBe(0);
  });

  it("StrictMode double mount keeps a completed return settled before the destroy", async () => {
    const storage = await leftForVendor();
    returnFromVendor(storage);

    const mountA = mountOnSameTab(storage, [completed()]);
    mountA.flow.resume();
    await flushMicrotasks(); // the answer lands; timers have not run
    expect(mountA.flow.getSnapshot().status).toBe("completed");
    mountA.flow.destroy();
    const mountB = mountOnSameTab(storage, [completed()]);
    mountB.flow.resume();
    await tick(0);
    expect(mountB.flow.getSnapshot().status).toBe("completed");
    await tick(0);
    expect(storage.size).toBe(0);
  });

  it("a pending attempt with no outcome (Back button, phone hand-off) asks the backend once", async () => {
    const storage = await leftForVendor();

    const pendingBack = mountOnSameTab(storage);
    pendingBack.flow.resume();
    pendingBack.flow.resume();
    await tick(0);
    expect(pendingBack.getResult).toHaveBeenCalledTimes(1);
    expect(pendingBack.flow.getSnapshot().status).toBe("idle");
    expect(pendingBack.types()).not.toContain("cancelled");
    expect(storage.has(pendingKey)).toBe(true);
    await tick(60_000);
    expect(pendingBack.getResult).toHaveBeenCalledTimes(1); // once, no polling

    const doneBack = mountOnSameTab(storage, [completed()]);
    doneBack.flow.resume();
    expect(doneBack.flow.getSnapshot().status).toBe("idle");
    await tick(0);
    expect(doneBack.flow.getSnapshot().status).toBe("completed");
    expect(doneBack.types()).toContain("completed");
    await tick(0);
    expect(storage.size).toBe(0);
  });

  it("drops a pending attempt with no outcome once it expired, without asking", async () => {
    const storage = await leftForVendor(makeFaceMatchSession("s-1", 60_000));
    vi.setSystemTime(Date.now() + 60_000);
    const back = mountOnSameTab(storage);
    back.flow.resume();
    await tick(0);
    expect(back.getResult).not.toHaveBeenCalled();
    expect(back.flow.getSnapshot().status).toBe("idle");
    expect(storage.size).toBe(0);
  });

  it("a failed return ends as failed and clears storage", async () => {
    const storage = await leftForVendor();
    returnFromVendor(storage, false);
    const back = mountOnSameTab(storage);
    back.flow.resume();
    expect(back.flow.getSnapshot().error?.code).toBe("liveness_failed");
    expect(back.getResult).not.toHaveBeenCalled();
    await tick(0); // cleared in a task of its own (see the StrictMode tests)
    expect(storage.size).toBe(0);
  });

  it("resume() without a pending attempt does nothing", () => {
    const { flow, getResult } = setupFaceMatch();
    flow.resume();
    expect(flow.getSnapshot().status).toBe("idle");
    expect(getResult).not.toHaveBeenCalled();
  });
});
