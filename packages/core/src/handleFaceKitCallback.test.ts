import {
  completed,
  createBus,
  createFakeWindow,
  envelope,
  makeFaceMatchSession,
  scriptedResults,
} from "@facekit/test-utils/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFaceMatchFlow } from "./createFaceMatchFlow.ts";
import { handleFaceKitCallback } from "./handleFaceKitCallback.ts";
import { pendingKey, returnedKey } from "./internal/redirectStore.ts";

const appOrigin = "https://app.test";
const query = (params: string) => ({ path: "/facekit/callback", search: `?${params}` });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("handleFaceKitCallback", () => {
  it("redirect: stores the outcome for the pending session and goes back", () => {
    const storage = new Map([
      [
        pendingKey,
        JSON.stringify({
          sessionId: "s-1",
          token: "t",
          expiresAt: Date.now() + 1e5,
          returnTo: `${appOrigin}/signup?step=2`,
        }),
      ],
    ]);
    const win = createFakeWindow({ storage, ...query("session_id=s-1&success=true") });
    expect(handleFaceKitCallback({ window: win })).toEqual({ kind: "redirect" });
    expect(JSON.parse(storage.get(returnedKey) ?? "")).toEqual(envelope());
    expect(win.navigations).toEqual([{ kind: "replace", url: `${appOrigin}/signup?step=2` }]);
    expect(storage.has(pendingKey)).toBe(true);
  });

  it("redirect: never goes back to another origin", () => {
    const storage = new Map([
      [
        pendingKey,
        JSON.stringify({
          sessionId: "s-1",
          token: "t",
          expiresAt: 1,
          returnTo: "https://evil.test/",
        }),
      ],
    ]);
    const win = createFakeWindow({ storage, ...query("session_id=s-1&success=true") });
    handleFaceKitCallback({ window: win });
    expect(win.navigations).toEqual([{ kind: "replace", url: "/" }]);
  });

  it("popup: posts to the opener at the exact origin and on the channel, then closes", async () => {
    const bus = createBus();
    const listener = new bus.Channel("facekit");
    const heard = vi.fn();
    listener.onmessage = (e) => heard(e.data);
    const opener = { postMessage: vi.fn() };
    const win = createFakeWindow({
      bus,
      opener,
      ...query("session_id=s-1&success=false&error_message=failed_to_complete_face_scan"),
    });
    expect(handleFaceKitCallback({ window: win })).toEqual({ kind: "popup" });
    const sent = envelope("s-1", "failed_to_complete_face_scan");
    expect(opener.postMessage).toHaveBeenCalledWith(sent, appOrigin);
    await vi.advanceTimersByTimeAsync(100);
    expect(heard).toHaveBeenCalledWith(sent);
    expect(win.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    listener.close();
  });

  it("handoff: no opener, so it broadcasts and tells the page", async () => {
    const bus = createBus();
    const listener = new bus.Channel("facekit");
    const heard = vi.fn();
    listener.onmessage = (e) => heard(e.data);
    const win = createFakeWindow({
      bus,
      ...query("session_id=s-1&success=true&error_message=ignored"),
    });
    expect(handleFaceKitCallback({ window: win })).toEqual({
      kind: "handoff",
      envelope: envelope(),
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(heard).toHaveBeenCalledWith(envelope());
    expect(bus.open.size).toBe(1);
    listener.close();
  });

  it("invalid: missing or garbage parameters", () => {
    for (const search of [
      "",
      "session_id=s-1",
      "success=true",
      "session_id=s-1&success=yes",
      `session_id=${"x".repeat(300)}&success=true`,
    ]) {
      const win = createFakeWindow(query(search));
      expect(handleFaceKitCallback({ window: win })).toEqual({ kind: "invalid" });
      expect(win.navigations).toHaveLength(0);
    }
  });

  it("completes a real popup round trip: flow -> popup -> callback page -> opener", async () => {
    const bus = createBus();
    const app = createFakeWindow({ bus });
    const results = scriptedResults([completed()]);
    const flow = createFaceMatchFlow({
      window: app,
      getSession: async () => makeFaceMatchSession(),
      getResult: results.getResult,
    });
    flow.open();
    await vi.advanceTimersByTimeAsync(0);
    const popup = app.popups[0];
    // The callback page runs inside the popup; its opener is the app window.
    const opener = {
      postMessage: (data: unknown, targetOrigin: string) => {
        if (targetOrigin === appOrigin) app.post(data, { origin: appOrigin, source: popup });
      },
    };
    const callback = createFakeWindow({ bus, opener, ...query("session_id=s-1&success=true") });
    expect(handleFaceKitCallback({ window: callback })).toEqual({ kind: "popup" });
    await vi.advanceTimersByTimeAsync(100);
    expect(flow.getSnapshot().status).toBe("completed");
    flow.destroy();
  });
});
