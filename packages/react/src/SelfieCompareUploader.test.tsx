import { FaceKitError, prepareImage, type SelfieCompareEvent } from "@facekit/core";
import { grantHeader } from "@facekit/core/protocol";
import { fakePrepare } from "@facekit/test-utils/core";
import {
  approved,
  createFakeDiditBackend,
  declined,
  stubCamera,
  stubObjectUrls,
} from "@facekit/test-utils/react";
import { QueryClient } from "@tanstack/react-query";
import {
  act,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type ComponentProps, createRef, StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { SelfieCompareUploader } from "./SelfieCompareUploader.tsx";
import { useSelfieCompare } from "./useSelfieCompare.ts";

type Props = ComponentProps<typeof SelfieCompareUploader>;

let urls: ReturnType<typeof stubObjectUrls>;
beforeEach(() => {
  urls = stubObjectUrls();
});
afterEach(() => {
  urls.restore();
  vi.unstubAllGlobals();
});

/** Renders the uploader under StrictMode at the root (every test covers the double mount). */
function setup(props: Props = {}, backend = createFakeDiditBackend()) {
  vi.stubGlobal("XMLHttpRequest", backend.XMLHttpRequest);
  const ui = (p: Props) => (
    <StrictMode>
      <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>
        <SelfieCompareUploader prepare={fakePrepare} {...p} />
      </FaceKitProvider>
    </StrictMode>
  );
  const view = render(ui(props));
  const root = () => view.container.firstElementChild as HTMLElement;
  const slot = (name: "Your selfie" | "Reference photo") => screen.getByRole("group", { name });
  const input = (name: "Your selfie" | "Reference photo") =>
    slot(name).querySelector("input[type=file]") as HTMLInputElement;
  const photo = (name = "me.jpg") => new File(["jpeg"], name, { type: "image/jpeg" });
  /** Picks a photo for both slots and waits until Compare is enabled. */
  const pickBoth = async () => {
    await screen.findByRole("group", { name: "Reference photo" });
    await userEvent.upload(input("Your selfie"), photo());
    await userEvent.upload(input("Reference photo"), photo("ref.png"));
    await waitFor(() => expect(screen.getByRole("button", { name: "Compare" })).toBeEnabled());
  };
  return {
    ...view,
    backend,
    root,
    slot,
    input,
    photo,
    pickBoth,
    rerender: (p: Props) => view.rerender(ui(p)),
  };
}

describe("SelfieCompareUploader", () => {
  it("renders one div with data-state, forwarding ref, className, style and props", () => {
    const ref = createRef<HTMLDivElement>();
    const { container } = setup({ ref, className: "compare", "aria-label": "Photo check" });
    expect(container.childNodes).toHaveLength(1);
    const div = container.firstElementChild;
    expect(div).toBe(ref.current);
    expect(div?.tagName).toBe("DIV");
    expect(div).toHaveClass("compare");
    expect(div).toHaveAttribute("aria-label", "Photo check");
    expect(div).toHaveAttribute("data-state", "idle");
    expect(div).not.toHaveAttribute("prepare");
    expect(div).not.toHaveAttribute("messages");
  });

  it("asks for one grant under StrictMode and shows the reference slot when it is uploaded", async () => {
    const { backend, slot } = setup();
    expect(slot("Your selfie")).toBeInTheDocument();
    expect(await screen.findByRole("group", { name: "Reference photo" })).toBeInTheDocument();
    expect(backend.calls.grant).toBe(1);
    expect(screen.getByRole("button", { name: "Compare" })).toBeDisabled();
    const input = slot("Your selfie").querySelector("input[type=file]");
    expect(input).toHaveAttribute("accept", "image/*");
  });

  it("asks for a selfie alone when the backend holds the reference", async () => {
    const onEvent = vi.fn();
    const { input, photo, backend } = setup(
      { onEvent },
      createFakeDiditBackend({ reference: "server" }),
    );
    await waitFor(() =>
      expect(onEvent).toHaveBeenCalledWith({ type: "grant_ready", reference: "server" }),
    );
    expect(screen.queryByRole("group", { name: "Reference photo" })).toBeNull();
    await userEvent.upload(input("Your selfie"), photo());
    await userEvent.click(await screen.findByRole("button", { name: "Compare" }));
    await screen.findByText("Approved: the faces match.");
    expect(backend.uploads[0]?.reference).toBeNull();
  });

  it("previews both photos, uploads them with progress and shows the result in words", async () => {
    const onComplete = vi.fn();
    const onEvent = vi.fn();
    const t = setup({ onComplete, onEvent });
    t.backend.setResult(declined);
    await t.pickBoth();
    expect(screen.getByRole("img", { name: "Your selfie" })).toHaveAttribute("src", "blob:1");
    expect(screen.getByRole("img", { name: "Reference photo" })).toHaveAttribute("src", "blob:2");
    expect(screen.getByRole("status")).toHaveTextContent("Ready to compare.");
    expect(t.root()).toHaveAttribute("data-state", "ready");
    t.backend.hold();
    await userEvent.click(screen.getByRole("button", { name: "Compare" }));
    expect(t.root()).toHaveAttribute("data-state", "uploading");
    expect(screen.getByRole("status")).toHaveTextContent("Uploading");
    const bar = screen.getByRole("progressbar", { name: "Uploading" });
    await waitFor(() => expect(bar).toHaveAttribute("value", "0.5"));
    expect(t.slot("Your selfie")).toBeDisabled();
    act(() => t.backend.release());
    await waitFor(() => expect(onComplete).toHaveBeenCalledWith(declined));
    expect(t.root()).toHaveAttribute("data-state", "completed");
    expect(screen.getByRole("status")).toHaveTextContent("Declined: the faces do not match.");
    expect(screen.getByText("Similarity: 14 out of 100")).toBeInTheDocument();
    expect(screen.getByText("The faces look different.")).toBeInTheDocument();
    expect(t.backend.calls.grant).toBe(1); // the first grant was used
    const [upload] = t.backend.uploads;
    expect(upload?.grant).toBe("grant-1");
    expect(upload?.selfie).toBeInstanceOf(File);
    expect(upload?.reference).toBeInstanceOf(File);
    expect(t.backend.sent[0]?.headers).toHaveProperty(grantHeader, "grant-1");
    const types = onEvent.mock.calls.map(([e]) => (e as SelfieCompareEvent).type);
    expect(types).toEqual(
      expect.arrayContaining(["image_ready", "upload_started", "upload_progress", "completed"]),
    );
    // The result belongs to these photos: Compare says so and sends nothing again.
    const compare = screen.getByRole("button", { name: "Compare" });
    expect(compare).toHaveAttribute("aria-disabled", "true");
    expect(compare).toHaveAccessibleDescription(/To compare again, change a photo/);
    await userEvent.click(compare);
    expect(t.backend.uploads).toHaveLength(1);
    expect(t.root()).toHaveAttribute("data-state", "completed");
  });

  it("rejects a non-image at its slot, with words, and no onError", async () => {
    const onError = vi.fn();
    const onEvent = vi.fn();
    // The real pipeline judges the bytes (the fake one would accept any "image/jpeg").
    setup({ onError, onEvent, prepare: prepareImage });
    const notAPhoto = new File(["<html>hello</html>"], "notes.jpg", { type: "image/jpeg" });
    // The `accept` filter is a hint: a drop (or "All files") can still bring anything.
    fireEvent.drop(screen.getByRole("group", { name: "Your selfie" }), {
      dataTransfer: { files: [notAPhoto] },
    });
    const slot = screen.getByRole("group", { name: "Your selfie" });
    expect(await within(slot).findByRole("alert")).toHaveTextContent(
      "This file is not a photo that can be read",
    );
    expect(onEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: "image_rejected", slot: "selfie" }),
    );
    expect(onError).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Compare" })).toBeDisabled();
  });

  it("marks the slot a file is dragged over (data-over), until it leaves or drops", async () => {
    const t = setup({});
    const slot = t.slot("Your selfie");
    fireEvent.dragOver(slot, { dataTransfer: { files: [] } });
    expect(slot).toHaveAttribute("data-over");
    fireEvent.dragLeave(slot, { dataTransfer: { files: [] } });
    expect(slot).not.toHaveAttribute("data-over");
    fireEvent.dragOver(slot, { dataTransfer: { files: [] } });
    fireEvent.drop(slot, { dataTransfer: { files: [t.photo()] } });
    expect(slot).not.toHaveAttribute("data-over");
    expect(await screen.findByRole("img", { name: "Your selfie" })).toBeInTheDocument();
  });

  it("shows a failed upload with Try again, which uses a fresh grant", async () => {
    const onError = vi.fn();
    const t = setup({ onError });
    await t.pickBoth();
    t.backend.failNext(new FaceKitError("rate_limited", "Slow down", { status: 429 }));
    await userEvent.click(screen.getByRole("button", { name: "Compare" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many attempts.");
    expect(t.root()).toHaveAttribute("data-state", "failed");
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "rate_limited" }));
    const again = screen.getByRole("button", { name: "Try again" });
    expect(again).toHaveFocus(); // Compare went away with the focus
    await userEvent.click(again);
    await screen.findByText("Approved: the faces match.");
    expect(t.backend.uploads.map((u) => u.grant)).toEqual(["grant-1", "grant-2"]);
  });

  it("shows a refused first grant with Try again", async () => {
    const backend = createFakeDiditBackend();
    backend.failNext(new FaceKitError("unauthorized", "Sign in", { status: 401 }));
    const onError = vi.fn();
    setup({ onError }, backend);
    expect(await screen.findByRole("alert")).toHaveTextContent("Please sign in first.");
    expect(onError).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("group", { name: "Reference photo" })).toBeInTheDocument();
    expect(backend.calls.grant).toBe(2);
  });

  it("cancels the upload: cancelled, onCancel, no error, and Compare again", async () => {
    const onCancel = vi.fn();
    const onError = vi.fn();
    const t = setup({ onCancel, onError });
    await t.pickBoth();
    t.backend.hold();
    await userEvent.click(screen.getByRole("button", { name: "Compare" }));
    const cancel = await screen.findByRole("button", { name: "Cancel upload" });
    await waitFor(() => expect(screen.getByRole("progressbar")).toHaveAttribute("value", "0.5"));
    await userEvent.click(cancel);
    expect(t.root()).toHaveAttribute("data-state", "cancelled");
    expect(screen.getByRole("status")).toHaveTextContent("Upload cancelled.");
    expect(t.backend.sent[0]?.aborted).toBe(true);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("button", { name: "Compare" })).toBeEnabled();
  });

  it("captures from the camera, with keyboard focus following, and stops the tracks", async () => {
    const camera = stubCamera();
    try {
      const t = setup();
      await screen.findByRole("group", { name: "Reference photo" });
      const selfie = within(t.slot("Your selfie"));
      selfie.getByRole("button", { name: "Use camera" }).focus();
      await userEvent.keyboard("{Enter}");
      const capture = await selfie.findByRole("button", { name: "Capture" });
      expect(capture).toHaveFocus();
      expect(selfie.getByLabelText("Camera preview")).toBeVisible();
      expect(camera.liveTracks()).toBe(1);
      await userEvent.keyboard("{Enter}");
      expect(await selfie.findByRole("img", { name: "Your selfie" })).toBeInTheDocument();
      expect(selfie.getByRole("button", { name: "Retake" })).toHaveFocus();
      expect(camera.liveTracks()).toBe(0);
      expect(selfie.getByLabelText("Camera preview")).not.toBeVisible();
    } finally {
      camera.restore();
    }
  });

  it("says so when the camera is denied", async () => {
    const camera = stubCamera({ failWith: "NotAllowedError" });
    try {
      const onEvent = vi.fn();
      const t = setup({ onEvent });
      await userEvent.click(
        within(t.slot("Your selfie")).getByRole("button", { name: "Use camera" }),
      );
      expect(await within(t.slot("Your selfie")).findByRole("alert")).toHaveTextContent(
        "Camera access is blocked.",
      );
      expect(onEvent).toHaveBeenCalledWith(
        expect.objectContaining({ type: "camera_failed", slot: "selfie" }),
      );
    } finally {
      camera.restore();
    }
  });

  it("stops the camera and revokes every preview URL on unmount", async () => {
    const camera = stubCamera();
    try {
      const t = setup();
      await t.pickBoth();
      await userEvent.click(
        within(t.slot("Reference photo")).getByRole("button", { name: "Remove" }),
      );
      expect(urls.live()).toEqual(["blob:1"]);
      await userEvent.click(
        within(t.slot("Reference photo")).getByRole("button", { name: "Use camera" }),
      );
      await within(t.slot("Reference photo")).findByRole("button", { name: "Capture" });
      expect(camera.liveTracks()).toBe(1);
      t.unmount();
      expect(camera.liveTracks()).toBe(0);
      expect(urls.live()).toEqual([]);
    } finally {
      camera.restore();
    }
  });

  it("calls the latest callbacks and uses the latest messages", async () => {
    const first = vi.fn();
    const second = vi.fn();
    const t = setup({ onComplete: first });
    await t.pickBoth();
    t.rerender({
      onComplete: (r) => second(r),
      messages: { compare: "Check", approved: "Same person", errors: { network: "Offline" } },
    });
    await userEvent.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Same person");
    expect(second).toHaveBeenCalledWith(approved);
    expect(first).not.toHaveBeenCalled();
  });

  it("keeps neither photos nor grants in the query cache once the upload is done", async () => {
    const backend = createFakeDiditBackend();
    vi.stubGlobal("XMLHttpRequest", backend.XMLHttpRequest);
    const queryClient = new QueryClient();
    const onComplete = vi.fn();
    render(
      <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch} queryClient={queryClient}>
        <SelfieCompareUploader prepare={fakePrepare} onComplete={onComplete} />
      </FaceKitProvider>,
    );
    const group = await screen.findByRole("group", { name: "Reference photo" });
    const photo = new File(["jpeg"], "me.jpg", { type: "image/jpeg" });
    for (const g of [group, screen.getByRole("group", { name: "Your selfie" })]) {
      await userEvent.upload(g.querySelector("input[type=file]") as HTMLInputElement, photo);
    }
    await userEvent.click(await screen.findByRole("button", { name: "Compare" }));
    await waitFor(() => expect(onComplete).toHaveBeenCalled());
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(0));
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it("names the fix when used outside the provider", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderHook(() => useSelfieCompare())).toThrow(
      "useSelfieCompare must be used inside <FaceKitProvider>",
    );
  });

  it("keeps the slots usable by keyboard alone", async () => {
    setup();
    await screen.findByRole("group", { name: "Reference photo" });
    await act(async () => {
      await userEvent.tab();
    });
    expect(screen.getAllByRole("button", { name: "Choose a photo" })[0]).toHaveFocus();
    await userEvent.tab();
    expect(screen.getAllByRole("button", { name: "Use camera" })[0]).toHaveFocus();
  });
});
