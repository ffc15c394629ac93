import { envelope, type FakePopup, verisoulOrigin } from "@facekit/test-utils/core";
import {
  createFakeVerisoulBackend,
  postFromPopup,
  stubWindowOpen,
} from "@facekit/test-utils/react";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef, type ReactNode, StrictMode, useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { FaceMatchButton } from "./FaceMatchButton.tsx";
import { en } from "./locales/en.ts";

let popups: FakePopup[];
beforeEach(() => {
  popups = stubWindowOpen();
});
afterEach(() => {
  vi.restoreAllMocks();
});

function setup(ui: ReactNode, backend = createFakeVerisoulBackend()) {
  const view = render(
    <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>
      {ui}
    </FaceKitProvider>,
  );
  return { ...view, backend, user: userEvent.setup(), button: screen.getByRole("button") };
}

describe("FaceMatchButton", () => {
  it("renders one button with data-state, forwarding ref, className, children and props", () => {
    const ref = createRef<HTMLButtonElement>();
    const { container, button } = setup(
      <FaceMatchButton ref={ref} className="primary" aria-describedby="hint" data-testid="fm" />,
    );
    expect(container.childNodes).toHaveLength(1);
    expect(button).toBe(ref.current);
    expect(button).toHaveAttribute("type", "button");
    expect(button).toHaveAttribute("data-state", "idle");
    expect(button).toHaveClass("primary");
    expect(button).toHaveAttribute("aria-describedby", "hint");
    expect(button).toHaveTextContent("Verify with face");
    expect(button).not.toHaveAttribute("mode");
  });

  it("renders custom children", () => {
    const { button } = setup(<FaceMatchButton>Check my face</FaceMatchButton>);
    expect(button).toHaveTextContent("Check my face");
  });

  it("opens exactly one popup per click under StrictMode, then navigates it", async () => {
    const backend = createFakeVerisoulBackend();
    const user = userEvent.setup();
    render(
      <StrictMode>
        <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>
          <FaceMatchButton />
        </FaceKitProvider>
      </StrictMode>,
    );
    const button = screen.getByRole("button");
    await user.click(button);
    expect(window.open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(button).toHaveAttribute("data-state", "open"));
    expect(popups[0]?.url).toBe(`${verisoulOrigin}/?session_id=s-1`);
    expect(backend.calls.session).toBe(1);
    expect(button).toHaveTextContent("Waiting for verification…");
  });

  it("is busy and disabled while preparing, and still calls a passed onClick", async () => {
    const onClick = vi.fn();
    const { button, user } = setup(
      <FaceMatchButton getSession={() => new Promise(() => {})} onClick={onClick} />,
    );
    await user.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(button).toHaveAttribute("data-state", "preparing");
    expect(button).toHaveAttribute("aria-busy", "true");
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent("Preparing…");
  });

  it("does not open when the passed onClick prevents default", async () => {
    const { button, user } = setup(<FaceMatchButton onClick={(e) => e.preventDefault()} />);
    await user.click(button);
    expect(window.open).not.toHaveBeenCalled();
  });

  it("calls the latest inline callback after a re-render", async () => {
    const seen: string[] = [];
    function Page() {
      const [label, setLabel] = useState("first");
      return (
        <>
          <FaceMatchButton onComplete={(r) => seen.push(`${label}:${r.decision}`)} />
          <input aria-label="label" onChange={(e) => setLabel(e.target.value)} />
        </>
      );
    }
    const { backend, user } = setup(<Page />);
    const button = screen.getByRole("button");
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute("data-state", "open"));
    await user.type(screen.getByRole("textbox"), "second");
    backend.complete("s-1");
    act(() => postFromPopup(envelope("s-1"), popups[0]));
    await waitFor(() => expect(button).toHaveAttribute("data-state", "completed"));
    expect(seen).toEqual(["second:Real"]);
    expect(button).toHaveTextContent("Face check complete");
  });

  it("prefetches on focus, reuses that session on click, and never reuses a used one", async () => {
    const { backend, button, user } = setup(<FaceMatchButton prefetch />);
    act(() => button.focus());
    await waitFor(() => expect(backend.calls.session).toBe(1));
    await user.click(button);
    await waitFor(() => expect(popups[0]?.url).toContain("session_id=s-1"));
    expect(backend.calls.session).toBe(1);

    act(() => postFromPopup(envelope("s-1", "liveness_check_failed"), popups[0]));
    expect(button).toHaveAttribute("data-state", "failed");
    expect(button).toHaveTextContent(en.faceMatch.errors.liveness_failed ?? "");
    await user.click(button);
    await waitFor(() => expect(popups[1]?.url).toContain("session_id=s-2"));
    expect(backend.calls.session).toBe(2);
  });

  it("does not prefetch without the prop", async () => {
    const { backend, button, user } = setup(<FaceMatchButton />);
    await user.hover(button);
    act(() => button.focus());
    await new Promise((r) => setTimeout(r, 10));
    expect(backend.calls.session).toBe(0);
  });

  it("mints again instead of opening a prefetched session close to expiry", async () => {
    const { backend, button, user } = setup(
      <FaceMatchButton prefetch />,
      createFakeVerisoulBackend({ ttlMs: 20_000 }),
    );
    await user.hover(button);
    await waitFor(() => expect(backend.calls.session).toBe(1));
    await user.click(button);
    await waitFor(() => expect(popups[0]?.url).toContain("session_id=s-2"));
  });

  it("says what failed and what to do, per code; the code goes to onError", async () => {
    const onError = vi.fn();
    vi.mocked(window.open).mockReturnValue(null); // a blocking browser
    const { button, user } = setup(<FaceMatchButton mode="popup" onError={onError} />);
    await user.click(button);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "popup_blocked" }));
    expect(button).toHaveAccessibleName(en.faceMatch.errors.popup_blocked);
    expect(button).toHaveTextContent(/pop-ups are blocked/i);
    expect(button).toBeEnabled(); // the click is the retry
  });

  it("leaving the hosted page is onCancel, not onError", async () => {
    const onCancel = vi.fn();
    const onError = vi.fn();
    const { button, user } = setup(<FaceMatchButton onCancel={onCancel} onError={onError} />);
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute("data-state", "open"));
    act(() => postFromPopup(envelope("s-1", "failed_to_complete_face_scan"), popups[0]));
    expect(button).toHaveAttribute("data-state", "cancelled");
    expect(button).toHaveTextContent(en.faceMatch.cancelled);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it("a completed check is a calm end state: a click starts nothing", async () => {
    const { backend, button, user } = setup(<FaceMatchButton />);
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute("data-state", "open"));
    backend.complete("s-1");
    act(() => postFromPopup(envelope("s-1"), popups[0]));
    await waitFor(() => expect(button).toHaveAttribute("data-state", "completed"));
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAccessibleName("Face check complete");
    await user.click(button);
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(backend.calls.session).toBe(1);
  });

  it("with recheck, a completed check offers Check again, which starts a new one", async () => {
    const { backend, button, user } = setup(<FaceMatchButton recheck />);
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute("data-state", "open"));
    backend.complete("s-1");
    act(() => postFromPopup(envelope("s-1"), popups[0]));
    await waitFor(() => expect(button).toHaveAttribute("data-state", "completed"));
    expect(button).not.toHaveAttribute("aria-disabled");
    expect(button).toHaveAccessibleName(en.faceMatch.checkAgain);
    await user.click(button);
    expect(window.open).toHaveBeenCalledTimes(2);
  });

  it("while waiting for a popup it cannot see, offers to start again", async () => {
    const { button, user } = setup(<FaceMatchButton />);
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute("data-state", "open"));
    const popup = popups[0];
    if (popup) popup.closed = true; // as COOP severance, or a close while the page loads
    await waitFor(() => expect(button).toHaveAccessibleName(en.faceMatch.detached), {
      timeout: 2000,
    });
    expect(button).toHaveAttribute("data-state", "open");
    await user.click(button);
    expect(window.open).toHaveBeenCalledTimes(2);
  });
});
