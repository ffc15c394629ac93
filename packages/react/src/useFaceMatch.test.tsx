import type { FaceMatchEvent, FaceMatchSession } from "@facekit/core";
import { envelope, type FakePopup, verisoulOrigin } from "@facekit/test-utils/core";
import {
  createFakeVerisoulBackend,
  postFromPopup,
  stubWindowOpen,
} from "@facekit/test-utils/react";
import { act, render, renderHook, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { type UseFaceMatchOptions, type UseFaceMatchResult, useFaceMatch } from "./useFaceMatch.ts";

let popups: FakePopup[];
beforeEach(() => {
  popups = stubWindowOpen();
});
afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
});

/**
 * Renders the hook with <StrictMode> at the root, where React double-mounts effects (a StrictMode
 * inside a wrapper component does not), so every test also covers the double mount.
 */
function renderFaceMatch(options: UseFaceMatchOptions = {}, backend = createFakeVerisoulBackend()) {
  const result = { current: undefined as unknown as UseFaceMatchResult };
  function Probe(props: UseFaceMatchOptions) {
    result.current = useFaceMatch(props);
    return null;
  }
  const ui = (props: UseFaceMatchOptions) => (
    <StrictMode>
      <FaceKitProvider endpoint="/api/facekit/" fetch={backend.fetch}>
        <Probe {...props} />
      </FaceKitProvider>
    </StrictMode>
  );
  const view = render(ui(options));
  return { result, rerender: (props: UseFaceMatchOptions) => view.rerender(ui(props)), backend };
}

describe("useFaceMatch", () => {
  it("must be used inside <FaceKitProvider>", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderHook(() => useFaceMatch())).toThrow(
      "useFaceMatch must be used inside <FaceKitProvider>",
    );
  });

  it("starts idle with stable actions", () => {
    const { result, rerender } = renderFaceMatch();
    expect(result.current).toMatchObject({
      status: "idle",
      result: null,
      error: null,
      sessionId: null,
      isDetached: false,
    });
    const { open, cancel, reset, prefetch } = result.current;
    rerender({ onComplete: () => {}, pollIntervalMs: 1000 }); // new inline options, same mode
    expect(result.current.open).toBe(open);
    expect(result.current.cancel).toBe(cancel);
    expect(result.current.reset).toBe(reset);
    expect(result.current.prefetch).toBe(prefetch);
  });

  it("reports cancel through onCancel (not onError) and events through onEvent", async () => {
    const events: string[] = [];
    const onCancel = vi.fn();
    const onError = vi.fn();
    const onEvent = (e: FaceMatchEvent) => events.push(e.type);
    const { result } = renderFaceMatch({ onCancel, onError, onEvent });
    act(() => result.current.open());
    await waitFor(() => expect(result.current.status).toBe("open"));
    act(() => result.current.cancel());
    expect(result.current.status).toBe("cancelled");
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    expect(events).toEqual(["popup_opened", "session_requested", "session_ready", "cancelled"]);
    expect(popups[0]?.closed).toBe(true);
  });

  it("reports failures through onError with the mapped code", async () => {
    const onError = vi.fn();
    const { result } = renderFaceMatch({ onError });
    act(() => result.current.open());
    await waitFor(() => expect(result.current.sessionId).toBe("s-1"));
    act(() => postFromPopup(envelope("s-1", "liveness_check_failed"), popups[0]));
    expect(result.current.error?.code).toBe("liveness_failed");
    expect(onError).toHaveBeenCalledWith(result.current.error);
  });

  it("uses a ready session once, then mints new ones", async () => {
    const session: FaceMatchSession = {
      sessionId: "ready-1",
      url: `${verisoulOrigin}/?session_id=ready-1`,
      expiresAt: Date.now() + 60_000,
      token: "token-ready-1",
    };
    const { result, backend } = renderFaceMatch({ session });
    act(() => result.current.prefetch()); // the ready session comes first: nothing to warm
    act(() => result.current.open());
    await waitFor(() => expect(popups[0]?.url).toBe(session.url));
    expect(backend.calls.session).toBe(0);
    act(() => result.current.cancel());
    act(() => result.current.prefetch());
    await waitFor(() => expect(backend.calls.session).toBe(1));
    act(() => result.current.open());
    await waitFor(() => expect(popups[1]?.url).toContain("session_id=s-1"));
    expect(backend.calls.session).toBe(1);
  });

  it("uses a custom getSession when given", async () => {
    const getSession = vi.fn(async () => ({
      sessionId: "custom-1",
      url: `${verisoulOrigin}/?session_id=custom-1`,
      expiresAt: Date.now() + 600_000,
      token: "token-custom-1",
    }));
    const { result, backend } = renderFaceMatch({ getSession });
    act(() => result.current.open());
    await waitFor(() => expect(result.current.sessionId).toBe("custom-1"));
    expect(getSession).toHaveBeenCalledTimes(1);
    expect(backend.calls.session).toBe(0);
  });

  it("resumes a redirect on mount under StrictMode with one result request", async () => {
    sessionStorage.setItem(
      "facekit:verisoul:pending",
      JSON.stringify({
        sessionId: "s-9",
        token: "token-s-9",
        expiresAt: Date.now() + 1e5,
        returnTo: "/",
      }),
    );
    sessionStorage.setItem("facekit:verisoul:returned", JSON.stringify(envelope("s-9")));
    const backend = createFakeVerisoulBackend();
    backend.complete("s-9");
    const onComplete = vi.fn();
    const { result } = renderFaceMatch({ onComplete }, backend);
    await waitFor(() => expect(result.current.status).toBe("completed"));
    expect(result.current.result?.sessionId).toBe("s-9");
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(backend.calls.result).toBe(1);
    await waitFor(() => expect(sessionStorage.length).toBe(0));
  });

  it("keeps a failed redirect return under StrictMode", async () => {
    sessionStorage.setItem(
      "facekit:verisoul:pending",
      JSON.stringify({
        sessionId: "s-9",
        token: "token-s-9",
        expiresAt: Date.now() + 1e5,
        returnTo: "/",
      }),
    );
    sessionStorage.setItem(
      "facekit:verisoul:returned",
      JSON.stringify(envelope("s-9", "liveness_check_failed")),
    );
    const onError = vi.fn();
    const { result, backend } = renderFaceMatch({ onError });
    await waitFor(() => expect(result.current.status).toBe("failed"));
    expect(result.current.error?.code).toBe("liveness_failed");
    // Reported once: StrictMode's throw-away first flow never resumed.
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(result.current.error);
    expect(backend.calls.result).toBe(0);
    await waitFor(() => expect(sessionStorage.length).toBe(0));
  });

  it("recreates the flow when the mode changes", async () => {
    const { result, rerender } = renderFaceMatch({ mode: "popup" });
    act(() => result.current.open());
    await waitFor(() => expect(result.current.status).toBe("open"));
    rerender({ mode: "auto" });
    await waitFor(() => expect(result.current.status).toBe("idle"));
    expect(popups[0]?.closed).toBe(true);
  });
});
