import { createFakeFaceSignBackend } from "@facekit/test-utils/react";
import { act, render, renderHook, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { describe, expect, it, vi } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { type UseFaceSignOptions, type UseFaceSignResult, useFaceSign } from "./useFaceSign.ts";

function renderFaceSign(options: UseFaceSignOptions = {}, backend = createFakeFaceSignBackend()) {
  const result = { current: undefined as unknown as UseFaceSignResult };
  function Probe(props: UseFaceSignOptions) {
    result.current = useFaceSign(props);
    return null;
  }
  const ui = (props: UseFaceSignOptions) => (
    <StrictMode>
      <FaceKitProvider endpoint="/api/facekit/" fetch={backend.fetch}>
        <Probe pollIntervalMs={10} {...props} />
      </FaceKitProvider>
    </StrictMode>
  );
  const view = render(ui(options));
  return { result, backend, rerender: (p: UseFaceSignOptions) => view.rerender(ui(p)), view };
}

describe("useFaceSign", () => {
  it("must be used inside <FaceKitProvider>", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderHook(() => useFaceSign())).toThrow(
      "useFaceSign must be used inside <FaceKitProvider>",
    );
    vi.restoreAllMocks();
  });

  it("waits for start() by default, then mints once and is ready", async () => {
    const { result, backend } = renderFaceSign();
    expect(result.current).toMatchObject({
      status: "idle",
      session: null,
      summary: null,
      error: null,
    });
    expect(backend.calls.session).toBe(0);
    act(() => result.current.open());
    await waitFor(() => expect(result.current.status).toBe("ready"));
    expect(result.current.session).toMatchObject({ sessionId: "fs-1", clientSecret: "cs-1" });
    expect(backend.calls.session).toBe(1);
  });

  it("uses getSession when given", async () => {
    const backend = createFakeFaceSignBackend();
    const own = backend.issue("own-1");
    const getSession = vi.fn(async () => own);
    const { result } = renderFaceSign({ autoOpen: true, getSession }, backend);
    await waitFor(() => expect(result.current.session).toEqual(own));
    expect(getSession).toHaveBeenCalledTimes(1);
    expect(backend.calls.session).toBe(0);
  });

  it("mints a new session after a ready session's session ended", async () => {
    const backend = createFakeFaceSignBackend();
    const ready = backend.issue("ext-1");
    const onCancel = vi.fn();
    const { result } = renderFaceSign({ session: ready, autoOpen: true, onCancel }, backend);
    await waitFor(() => expect(result.current.status).toBe("ready"));
    backend.setStatus("ext-1", "incomplete");
    await waitFor(() => expect(result.current.status).toBe("cancelled"));
    expect(onCancel).toHaveBeenCalledTimes(1);
    act(() => result.current.open());
    await waitFor(() => expect(result.current.session?.sessionId).toBe("fs-1"));
  });

  it("cancel() ends the attempt as cancelled", async () => {
    const { result } = renderFaceSign({ autoOpen: true });
    await waitFor(() => expect(result.current.status).toBe("ready"));
    act(() => result.current.cancel());
    expect(result.current.status).toBe("cancelled");
  });
});
