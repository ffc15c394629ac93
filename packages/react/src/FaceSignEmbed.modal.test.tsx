import { createFakeFaceSignBackend } from "@facekit/test-utils/react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode, useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { FaceSignEmbed, type FaceSignEmbedProps } from "./FaceSignEmbed.tsx";

/** An app that opens the modal embed from a button and follows onOpenChange (controlled). */
function setup(props: FaceSignEmbedProps = {}, backend = createFakeFaceSignBackend()) {
  const onOpenChange = vi.fn();
  function App() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Verify
        </button>
        <FaceSignEmbed
          presentation="modal"
          open={open}
          onOpenChange={(next) => {
            onOpenChange(next);
            setOpen(next);
          }}
          pollIntervalMs={10}
          {...props}
        />
      </>
    );
  }
  const { container } = render(
    <StrictMode>
      <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>
        <App />
      </FaceKitProvider>
    </StrictMode>,
  );
  const dialog = () => container.querySelector("dialog") as HTMLDialogElement;
  const opener = screen.getByRole("button", { name: "Verify" });
  const openIt = async () => {
    await userEvent.click(opener);
    await screen.findByTitle("FaceSign verification");
  };
  return { container, backend, dialog, opener, openIt, onOpenChange };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("FaceSignEmbed presentation=modal", () => {
  it("renders one closed <dialog> and mints nothing until it opens", async () => {
    const { container, dialog, backend, openIt } = setup();
    expect(container.childElementCount).toBe(2); // the app's button and the one dialog
    expect(dialog()).toHaveAttribute("aria-label", "FaceSign verification");
    expect(dialog()).not.toHaveAttribute("open");
    await new Promise((r) => setTimeout(r, 30));
    expect(backend.calls.session).toBe(0);
    await openIt();
    expect(dialog()).toHaveAttribute("open"); // jsdom has no showModal(): the fallback
    expect(screen.getByRole("dialog", { name: "FaceSign verification" })).toBe(dialog());
    expect(dialog()).toHaveAttribute("data-state", "ready");
    expect(dialog()).toContainElement(document.activeElement as HTMLElement);
    expect(backend.calls.session).toBe(1);
  });

  it("closes at once on Escape before the user began: onCancel, onOpenChange(false), focus back", async () => {
    const onCancel = vi.fn();
    const { dialog, opener, openIt, onOpenChange } = setup({ onCancel });
    await openIt();
    fireEvent.keyDown(dialog(), { key: "Escape" });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(dialog()).not.toHaveAttribute("open");
    expect(screen.queryByTitle("FaceSign verification")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("closes without onCancel when nothing was started", async () => {
    const onCancel = vi.fn();
    const { dialog, opener, onOpenChange } = setup({ onCancel, autoOpen: false });
    await userEvent.click(opener);
    expect(dialog()).toHaveAttribute("open");
    fireEvent.keyDown(dialog(), { key: "Escape" });
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(onCancel).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });

  it("asks before leaving a session the user is in: Keep going keeps it, Leave cancels", async () => {
    const onCancel = vi.fn();
    const { dialog, opener, openIt, backend, onOpenChange } = setup({ onCancel });
    await openIt();
    backend.setStatus("fs-1", "inProgress");
    await waitFor(() => expect(dialog()).toHaveAttribute("data-state", "inProgress"));
    const iframe = screen.getByTitle("FaceSign verification");
    fireEvent.keyDown(dialog(), { key: "Escape" });
    expect(screen.getByRole("group", { name: "Leave verification?" })).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Keep going" }));
    await userEvent.click(screen.getByRole("button", { name: "Keep going" }));
    expect(screen.queryByRole("group", { name: "Leave verification?" })).toBeNull();
    expect(document.activeElement).toBe(dialog());
    expect(screen.getByTitle("FaceSign verification")).toBe(iframe);
    expect(dialog()).toHaveAttribute("open");
    expect(onCancel).not.toHaveBeenCalled();
    expect(onOpenChange).not.toHaveBeenCalledWith(false);
    // The dialog's own cancel event (a browser's Escape) asks too.
    const cancel = new Event("cancel", { cancelable: true });
    fireEvent(dialog(), cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(screen.getByRole("group", { name: "Leave verification?" })).toBeInTheDocument();
    fireEvent.keyDown(dialog(), { key: "Escape" }); // Escape again: keep going
    expect(screen.queryByRole("group", { name: "Leave verification?" })).toBeNull();
    fireEvent.keyDown(dialog(), { key: "Escape" });
    await userEvent.click(screen.getByRole("button", { name: "Leave" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(dialog()).not.toHaveAttribute("open");
    expect(dialog()).toHaveAttribute("data-state", "cancelled");
    expect(document.activeElement).toBe(opener);
  });

  it("has a close button with an accessible name: closes at once before the person began", async () => {
    const onCancel = vi.fn();
    const { dialog, opener, openIt, onOpenChange } = setup({ onCancel });
    await openIt();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(dialog()).not.toHaveAttribute("open");
    expect(document.activeElement).toBe(opener);
  });

  it("the close button and the backdrop ask first once the person began", async () => {
    const onCancel = vi.fn();
    const { dialog, openIt, backend } = setup({ onCancel });
    await openIt();
    backend.setStatus("fs-1", "inProgress");
    await waitFor(() => expect(dialog()).toHaveAttribute("data-state", "inProgress"));
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.getByRole("group", { name: "Leave verification?" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Keep going" }));
    // jsdom lays nothing out: the dialog's box is empty, so any point is outside it.
    fireEvent.click(dialog(), { clientX: 5, clientY: 5 });
    expect(screen.getByRole("group", { name: "Leave verification?" })).toBeInTheDocument();
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTitle("FaceSign verification")); // inside: nothing
    expect(dialog()).toHaveAttribute("open");
  });

  it("a click on the backdrop closes; Escape anywhere in the page closes", async () => {
    const { dialog, openIt, onOpenChange } = setup();
    await openIt();
    fireEvent.click(dialog(), { clientX: 5, clientY: 5 });
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(dialog()).not.toHaveAttribute("open");
    await openIt();
    (document.activeElement as HTMLElement | null)?.blur(); // focus on the page, not the dialog
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(dialog()).not.toHaveAttribute("open");
    expect(onOpenChange).toHaveBeenCalledTimes(2);
  });

  it("treats a close it did not ask for (the browser's) as leaving", async () => {
    const onCancel = vi.fn();
    const { dialog, openIt, onOpenChange } = setup({ onCancel });
    await openIt();
    fireEvent(dialog(), new Event("close"));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(dialog()).not.toHaveAttribute("open");
  });

  it("uses showModal() and close() where the browser has them", async () => {
    const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
    const showModal = vi.fn(function (this: HTMLDialogElement) {
      this.setAttribute("open", "");
    });
    const close = vi.fn(function (this: HTMLDialogElement) {
      this.removeAttribute("open");
    });
    Object.assign(proto, { showModal, close });
    try {
      const { dialog, openIt } = setup();
      await openIt();
      expect(showModal).toHaveBeenCalled();
      expect(dialog()).toHaveAttribute("open");
      fireEvent.keyDown(dialog(), { key: "Escape" });
      expect(close).toHaveBeenCalled();
      expect(dialog()).not.toHaveAttribute("open");
    } finally {
      delete proto.showModal;
      delete proto.close;
    }
  });
});
