import type { FaceSignEvent, FaceSignSession } from "@facekit/core";
import {
  answerFaceSign,
  mintFinishedFaceSignSession,
  mintForeignFaceSignSession,
  mintStaleFaceSignSession,
  patchFaceSignScenario,
  setFaceSignScenario,
  storyBackends,
  tableDefault,
  withStoryProvider,
} from "@facekit/test-utils/stories";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { FaceSignEmbed, type FaceSignEmbedProps } from "./FaceSignEmbed.tsx";
import { faceSignMessages as en } from "./internal/faceSignMessages.ts";

/**
 * `<FaceSignEmbed>` against a live FaceSign simulator and a real `@facekit/server` backend (both
 * started by Storybook, which also receives the simulator's signed webhooks). The hosted flow
 * runs in a cross-origin iframe; the embed learns the outcome from the backend's status route.
 */
const meta = {
  title: "FaceSign/FaceSignEmbed",
  component: FaceSignEmbed,
  args: {
    pollIntervalMs: 300,
    onComplete: fn(),
    onCancel: fn(),
    onError: fn(),
    onEvent: fn(),
  },
  // Defaults as the code applies them (createFaceSignFlow and its watcher, the embed).
  argTypes: {
    presentation: {
      control: "inline-radio",
      options: ["inline", "modal"],
      ...tableDefault('"inline"'),
    },
    open: tableDefault("false"),
    autoOpen: tableDefault("true (the hook's default is false)"),
    pollIntervalMs: tableDefault("2000 (then x1.5 per poll, up to 15 s)"),
    refreshMarginMs: tableDefault("60000 (60 s)"),
    getSession: {
      control: false,
      ...tableDefault("the provider's POST {endpoint}/facesign/session"),
    },
    messages: tableDefault("the provider's messages, then English"),
    children: tableDefault("the end screens (completed, cancelled)"),
  },
  decorators: [withStoryProvider],
  beforeEach: () => setFaceSignScenario(),
} satisfies Meta<typeof FaceSignEmbed>;

export default meta;
type Story = StoryObj<typeof meta>;

const root = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>("[data-state]") as HTMLElement;

/** Waits for the iframe of the session the embed minted; returns the session id and the frame. */
async function embedded(canvasElement: HTMLElement, onEvent: unknown) {
  const spy = onEvent as ReturnType<typeof fn>;
  await waitFor(() =>
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ type: "session_ready" })),
  );
  const ready = spy.mock.calls
    .map(([e]) => e as FaceSignEvent)
    .find((e) => e.type === "session_ready");
  if (ready?.type !== "session_ready") throw new Error("no session");
  const frame = await within(canvasElement).findByTitle("FaceSign verification");
  return { sessionId: ready.sessionId, frame: frame as HTMLIFrameElement };
}

export const Loading: Story = {
  beforeEach: () => setFaceSignScenario({ latencyMs: 4000 }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement)).toHaveAttribute("data-state", "loading"));
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(
      "Loading verification…",
    );
  },
};

export const Embedded: Story = {
  play: async ({ canvasElement, args }) => {
    const { frame } = await embedded(canvasElement, args.onEvent);
    const { facesign } = (await (await fetch("/__facekit-story/config")).json()) as {
      facesign: { appUrl: string };
    };
    await expect(new URL(frame.src).origin).toBe(new URL(facesign.appUrl).origin);
    await expect(new URL(frame.src).searchParams.get("cs")).toMatch(/^cs/);
    await expect(frame).toHaveAttribute("allow", expect.stringContaining("camera"));
    await expect(frame).toHaveAttribute("allow", expect.stringContaining("microphone"));
    await expect(root(canvasElement)).toHaveAttribute("data-state", "ready");
  },
};

export const Completed: Story = {
  play: async ({ canvasElement, args }) => {
    const { sessionId, frame } = await embedded(canvasElement, args.onEvent);
    await answerFaceSign(sessionId, frame.src, ["0", "0"]); // hello -> live -> livenessDetected
    await waitFor(() => expect(args.onComplete).toHaveBeenCalled(), { timeout: 8000 });
    await expect(args.onComplete).toHaveBeenCalledWith(
      expect.objectContaining({ status: "complete", isVerified: true, livenessDetected: true }),
    );
    await expect(root(canvasElement)).toHaveAttribute("data-state", "completed");
    await expect(within(canvasElement).queryByTitle("FaceSign verification")).toBeNull();
    await expect(args.onCancel).not.toHaveBeenCalled();
    // A calm end screen, in the iframe's place: nothing to click.
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(en.completed);
    await expect(within(canvasElement).queryByRole("button")).toBeNull();
  },
};

export const Abandoned: Story = {
  play: async ({ canvasElement, args }) => {
    const { sessionId, frame } = await embedded(canvasElement, args.onEvent);
    await answerFaceSign(sessionId, frame.src, ["leave"]);
    await waitFor(() => expect(args.onCancel).toHaveBeenCalled(), { timeout: 8000 });
    await expect(root(canvasElement)).toHaveAttribute("data-state", "cancelled");
    await expect(args.onComplete).not.toHaveBeenCalled();
    await expect(args.onError).not.toHaveBeenCalled();
    // "Not finished", and a way to start again.
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("status")).toHaveTextContent(en.cancelled);
    await userEvent.click(canvas.getByRole("button", { name: en.startAgain }));
    await expect(await canvas.findByTitle("FaceSign verification")).toBeInTheDocument();
  },
};

export const VendorDown: Story = {
  beforeEach: () => setFaceSignScenario({ failNext: { status: 503, count: 1 } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(args.onError).toHaveBeenCalledWith(
        expect.objectContaining({ code: "vendor_unavailable" }),
      ),
    );
    await expect(root(canvasElement)).toHaveAttribute("data-state", "failed");
    await expect(canvas.getByRole("alert")).toHaveTextContent(en.errors.vendor_unavailable ?? "");
    // The outage is over (one failure injected): trying again embeds the flow.
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByTitle("FaceSign verification")).toBeInTheDocument();
  },
};

export const RateLimited: Story = {
  beforeEach: () => setFaceSignScenario({ failNext: { status: 429, count: 1 } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: "rate_limited" })),
    );
    await expect(root(canvasElement)).toHaveAttribute("data-state", "failed");
    await expect(canvas.getByRole("alert")).toHaveTextContent(en.errors.rate_limited ?? "");
    await expect(canvas.getByRole("button", { name: "Try again" })).toBeEnabled();
  },
};

/** The embed ends `failed` with `code`: that code's words in an alert, and Try again. */
async function expectFailure(
  canvasElement: HTMLElement,
  onError: unknown,
  code: keyof typeof en.errors,
) {
  await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code })), {
    timeout: 8000,
  });
  const canvas = within(canvasElement);
  await expect(root(canvasElement)).toHaveAttribute("data-state", "failed");
  await expect(canvas.getByRole("alert")).toHaveTextContent(en.errors[code] ?? "");
  await expect(canvas.getByRole("button", { name: "Try again" })).toBeEnabled();
  await expect(canvas.queryByTitle("FaceSign verification")).toBeNull();
}

/** The backend `parameters.facekitBackend` names fails the first request with `code`. */
function backendFails(backend: string, code: keyof typeof en.errors): Story {
  return {
    parameters: { facekitBackend: backend },
    play: ({ canvasElement, args }) => expectFailure(canvasElement, args.onError, code),
  };
}

export const NotSignedIn = backendFails(storyBackends.signedOut, "unauthorized");
export const BackendUnreachable = backendFails(storyBackends.offline, "network");
export const VendorKeyRefused = backendFails(storyBackends.badVendorKey, "vendor_misconfigured");

// Minted after the meta's simulator reset (story hooks run after the meta's), before render.
let handedOver: FaceSignSession | undefined;

/** A `session` of another account's session: the backend will not report on it. */
export const ForeignSession: Story = {
  beforeEach: async () => {
    handedOver = await mintForeignFaceSignSession();
  },
  render: (args) => <FaceSignEmbed {...args} session={handedOver} />,
  play: ({ canvasElement, args }) => expectFailure(canvasElement, args.onError, "session_invalid"),
};

/** A `session` that ran out, of a session the person already left in another tab. */
export const SessionFinishedElsewhere: Story = {
  beforeEach: async () => {
    handedOver = await mintFinishedFaceSignSession();
  },
  render: (args) => <FaceSignEmbed {...args} session={handedOver} />,
  play: ({ canvasElement, args }) => expectFailure(canvasElement, args.onError, "session_expired"),
};

/** The modal presentation, opened from a button: a native dialog with focus inside. */
function ModalApp(args: FaceSignEmbedProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Verify with FaceSign
      </button>
      <FaceSignEmbed {...args} presentation="modal" open={open} onOpenChange={setOpen} />
    </>
  );
}

export const Modal: Story = {
  render: (args) => <ModalApp {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Verify with FaceSign" }));
    const dialog = await canvas.findByRole("dialog", { name: "FaceSign verification" });
    await embedded(canvasElement, args.onEvent);
    await expect(dialog).toHaveAttribute("open");
  },
};

/** The visible close button (named "Close") closes the modal and gives focus back to the opener. */
export const ModalClose: Story = {
  beforeEach: () => setFaceSignScenario({ latencyMs: 4000 }), // closed while it loads
  render: (args) => <ModalApp {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole("button", { name: "Verify with FaceSign" });
    await userEvent.click(opener);
    const dialog = await canvas.findByRole("dialog", { name: "FaceSign verification" });
    await userEvent.click(within(dialog).getByRole("button", { name: en.close }));
    await waitFor(() => expect(dialog).not.toHaveAttribute("open"));
    await expect(opener).toHaveFocus();
    await expect(args.onCancel).toHaveBeenCalled();
  },
};

export const ModalLeaveConfirm: Story = {
  render: (args) => <ModalApp {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Verify with FaceSign" }));
    const { sessionId, frame } = await embedded(canvasElement, args.onEvent);
    await answerFaceSign(sessionId, frame.src, []); // the person is in the session
    await waitFor(() => expect(root(canvasElement)).toHaveAttribute("data-state", "inProgress"), {
      timeout: 8000,
    });
    await userEvent.keyboard("{Escape}");
    const confirm = await canvas.findByRole("group", { name: "Leave verification?" });
    await expect(within(confirm).getByRole("button", { name: "Keep going" })).toHaveFocus();
    await expect(args.onCancel).not.toHaveBeenCalled();
    // The close button asks too, once the person has begun.
    await userEvent.click(within(confirm).getByRole("button", { name: "Keep going" }));
    await userEvent.click(canvas.getByRole("button", { name: en.close }));
    await expect(await canvas.findByRole("group", { name: "Leave verification?" })).toBeVisible();
  },
};

export const StatusOutage: Story = {
  play: async ({ canvasElement, args }) => {
    const { sessionId, frame } = await embedded(canvasElement, args.onEvent);
    await answerFaceSign(sessionId, frame.src, []);
    await waitFor(() => expect(root(canvasElement)).toHaveAttribute("data-state", "inProgress"), {
      timeout: 8000,
    });
    // FaceSign fails the backend's next status lookups: the person's page must stay.
    await patchFaceSignScenario({ failNext: { status: 503, count: 2 } });
    await waitFor(
      () =>
        expect(args.onEvent).toHaveBeenCalledWith(
          expect.objectContaining({ type: "status_unavailable" }),
        ),
      { timeout: 10_000 },
    );
    await expect(within(canvasElement).getByTitle("FaceSign verification")).toBe(frame);
    await expect(args.onError).not.toHaveBeenCalled();
    await answerFaceSign(sessionId, frame.src, ["0", "0"]);
    await waitFor(() => expect(args.onComplete).toHaveBeenCalled(), { timeout: 15_000 });
  },
};

// Minted after the meta's simulator reset (story hooks run after the meta's), before render.
let stale: FaceSignSession | undefined;

export const SecretRefused: Story = {
  beforeEach: async () => {
    stale = await mintStaleFaceSignSession();
  },
  render: (args) => <FaceSignEmbed {...args} session={stale} />,
  play: async ({ canvasElement, args }) => {
    await waitFor(
      () =>
        expect(args.onEvent).toHaveBeenCalledWith(
          expect.objectContaining({ type: "secret_refreshed" }),
        ),
      { timeout: 8000 },
    );
    const frame = within(canvasElement).getByTitle("FaceSign verification") as HTMLIFrameElement;
    const shown = new URL(frame.src).searchParams.get("cs");
    await expect(shown).not.toBe(stale?.clientSecret);
    await expect(root(canvasElement)).toHaveAttribute("data-state", "ready");
  },
};

/** The toolbar's language, pinned: French words, and the locale sent when minting. */
export const French: Story = {
  globals: { locale: "fr" },
  beforeEach: () => setFaceSignScenario({ latencyMs: 4000 }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent(
      "Chargement de la vérification…",
    );
  },
};
