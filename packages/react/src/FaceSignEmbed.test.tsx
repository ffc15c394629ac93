import { FaceKitError, type FaceSignSession, type FaceSignSummary } from "@facekit/core";
import { faceSignRoutes } from "@facekit/core/protocol";
import { facesignOrigin } from "@facekit/test-utils/core";
import { createFakeFaceSignBackend } from "@facekit/test-utils/react";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type ComponentProps, createRef, StrictMode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { FaceSignEmbed } from "./FaceSignEmbed.tsx";

type FaceSignEmbedProps = ComponentProps<typeof FaceSignEmbed>;

/** Renders the embed under StrictMode at the root (every test covers the double mount). */
function setup(props: FaceSignEmbedProps = {}, backend = createFakeFaceSignBackend()) {
  const ui = (p: FaceSignEmbedProps) => (
    <StrictMode>
      <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>
        <FaceSignEmbed pollIntervalMs={10} {...p} />
      </FaceKitProvider>
    </StrictMode>
  );
  const view = render(ui(props));
  const frame = () => screen.findByTitle("FaceSign verification");
  return { ...view, backend, frame, rerender: (p: FaceSignEmbedProps) => view.rerender(ui(p)) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("FaceSignEmbed", () => {
  it("renders one div with data-state, forwarding ref, className, style and props", () => {
    const ref = createRef<HTMLDivElement>();
    const { container } = setup({
      ref,
      className: "verify",
      style: { maxWidth: 480 },
      "aria-label": "Identity check",
    });
    expect(container.childNodes).toHaveLength(1);
    const div = container.firstElementChild;
    expect(div).toBe(ref.current);
    expect(div?.tagName).toBe("DIV");
    expect(div).toHaveClass("verify");
    expect(div).toHaveStyle({ maxWidth: "480px" });
    expect(div).toHaveAttribute("aria-label", "Identity check");
    expect(div).not.toHaveAttribute("pollIntervalMs");
  });

  it("shows the loading state, then the iframe with its permissions; mints once under StrictMode", async () => {
    const { container, frame, backend } = setup();
    expect(screen.getByRole("status")).toHaveTextContent("Loading verification…");
    const iframe = await frame();
    expect(iframe).toHaveAttribute("src", `${facesignOrigin}/?cs=cs-1`);
    expect(iframe).toHaveAttribute("allow", "camera; microphone; autoplay; fullscreen");
    expect(iframe).toHaveAttribute("width", "100%");
    expect(container.firstElementChild).toHaveAttribute("data-state", "ready");
    expect(screen.queryByRole("status")).toBeNull();
    expect(backend.calls.session).toBe(1);
  });

  it("says what failed and what to do, with a Try again button that starts over", async () => {
    const backend = createFakeFaceSignBackend();
    backend.failNext(new FaceKitError("unauthorized", "Sign in first.", { status: 401 }));
    const onError = vi.fn();
    const { container, frame } = setup({ onError }, backend);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "You are signed out. Please sign in first.",
    );
    expect(container.firstElementChild).toHaveAttribute("data-state", "failed");
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "unauthorized" }));
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await frame()).toHaveAttribute("src", `${facesignOrigin}/?cs=cs-1`);
    expect(backend.calls.session).toBe(2);
  });

  it("reports completion from the backend and removes the iframe", async () => {
    const onComplete = vi.fn();
    const onEvent = vi.fn();
    const { container, frame, backend } = setup({ onComplete, onEvent, children: "Done" });
    await frame();
    backend.setStatus("fs-1", "inProgress");
    await waitFor(() =>
      expect(container.firstElementChild).toHaveAttribute("data-state", "inProgress"),
    );
    expect(screen.getByTitle("FaceSign verification")).toBeInTheDocument();
    backend.setStatus("fs-1", "complete");
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(onComplete.mock.calls[0]?.[0]).toMatchObject<Partial<FaceSignSummary>>({
      status: "complete",
      isVerified: true,
    });
    expect(container.firstElementChild).toHaveAttribute("data-state", "completed");
    expect(container.firstElementChild).toHaveTextContent("Done");
    expect(screen.queryByTitle("FaceSign verification")).toBeNull();
    expect(onEvent.mock.calls.map(([e]) => e.type)).toContain("status_changed");
  });

  it("calls onCancel when the session ends incomplete, and offers to start again", async () => {
    const onCancel = vi.fn();
    const { frame, backend } = setup({ onCancel });
    await frame();
    backend.setStatus("fs-1", "incomplete");
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(screen.getByRole("status")).toHaveTextContent("The verification was not finished.");
    await userEvent.click(screen.getByRole("button", { name: "Start again" }));
    expect(await frame()).toHaveAttribute("src", `${facesignOrigin}/?cs=cs-2`);
    expect(backend.calls.session).toBe(2);
  });

  it("ends on a calm completed screen, with nothing to click", async () => {
    const { frame, backend, container } = setup();
    await frame();
    backend.setStatus("fs-1", "complete");
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Verification complete. Thank you.",
    );
    expect(container.firstElementChild).toHaveAttribute("data-state", "completed");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("calls the latest callbacks, not the ones of the first render", async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { frame, backend, rerender } = setup({ onComplete: first });
    await frame();
    rerender({ onComplete: (s) => second(s) });
    backend.setStatus("fs-1", "complete");
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1));
    expect(first).not.toHaveBeenCalled();
  });

  it("embeds a ready session without minting, and a new one replaces the session", async () => {
    const backend = createFakeFaceSignBackend();
    const a: FaceSignSession = backend.issue("ext-1");
    const { frame, rerender } = setup({ session: a }, backend);
    expect(await frame()).toHaveAttribute("src", a.url);
    const b = backend.issue("ext-2");
    rerender({ session: b });
    await waitFor(() =>
      expect(screen.getByTitle("FaceSign verification")).toHaveAttribute("src", b.url),
    );
    rerender({ session: { ...b } }); // same session, new object: nothing restarts
    expect(screen.getByTitle("FaceSign verification")).toHaveAttribute("src", b.url);
    expect(backend.calls.session).toBe(0);
  });

  it("swaps the iframe src when the secret is refreshed before the user begins", async () => {
    // The first secret is due for a refresh 150 ms in; the new one lasts.
    const backend = createFakeFaceSignBackend({ ttlMs: 60_000 + 150, refreshTtlMs: 3600_000 });
    const { frame } = setup({}, backend);
    expect(await frame()).toHaveAttribute("src", `${facesignOrigin}/?cs=cs-1`);
    await waitFor(() =>
      expect(screen.getByTitle("FaceSign verification")).toHaveAttribute(
        "src",
        `${facesignOrigin}/?cs=cs-2`,
      ),
    );
    expect(backend.calls.refresh).toBe(1);
  });

  it("refreshes the secret refreshMarginMs before it expires while the session is created", async () => {
    const backend = createFakeFaceSignBackend({ ttlMs: 10 * 60_000 });
    const { container, frame } = setup({ refreshMarginMs: 10 * 60_000 - 100 }, backend);
    expect(await frame()).toHaveAttribute("src", `${facesignOrigin}/?cs=cs-1`);
    await waitFor(() =>
      expect(screen.getByTitle("FaceSign verification")).not.toHaveAttribute(
        "src",
        `${facesignOrigin}/?cs=cs-1`,
      ),
    );
    expect(screen.getByTitle("FaceSign verification").getAttribute("src")).toMatch(/cs=cs-\d+$/);
    expect(backend.calls.refresh).toBeGreaterThanOrEqual(1);
    expect(container.firstElementChild).toHaveAttribute("data-state", "ready");
  });

  it("keeps the iframe through a status outage once the user is in the session", async () => {
    vi.useFakeTimers();
    const backend = createFakeFaceSignBackend();
    let down = false;
    const fetch: typeof globalThis.fetch = (input, init) =>
      down && String(input).endsWith(`/${faceSignRoutes.status}`)
        ? Promise.reject(new TypeError("Failed to fetch"))
        : backend.fetch(input, init);
    const onError = vi.fn();
    const onEvent = vi.fn();
    const { container } = setup({ onError, onEvent }, { ...backend, fetch });
    const step = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
    await step(0);
    backend.setStatus("fs-1", "inProgress");
    await step(100);
    expect(container.firstElementChild).toHaveAttribute("data-state", "inProgress");
    const iframe = screen.getByTitle("FaceSign verification");
    down = true;
    await step(10 * 60_000);
    expect(container.firstElementChild).toHaveAttribute("data-state", "inProgress");
    expect(screen.getByTitle("FaceSign verification")).toBe(iframe);
    expect(onError).not.toHaveBeenCalled();
    const unavailable = onEvent.mock.calls.filter(([e]) => e.type === "status_unavailable");
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0]?.[0]).toMatchObject({ sessionId: "fs-1", error: { code: "network" } });
    down = false;
    backend.setStatus("fs-1", "complete");
    await step(15_000);
    expect(container.firstElementChild).toHaveAttribute("data-state", "completed");
  });

  it("waits with autoOpen={false}, showing its children", async () => {
    const { container, backend } = setup({ autoOpen: false, children: "Ready when you are" });
    await new Promise((r) => setTimeout(r, 30));
    expect(container.firstElementChild).toHaveAttribute("data-state", "idle");
    expect(container.firstElementChild).toHaveTextContent("Ready when you are");
    expect(backend.calls.session).toBe(0);
  });
});
