import type { FaceMatchEvent, FaceMatchSession } from "@facekit/core";
import {
  finishCapture,
  finishCaptureByRedirect,
  mintTamperedFaceMatchSession,
  patchStoryScenario,
  setStoryScenario,
  storyBackends,
  tableDefault,
  whenCaptureOpen,
  withStoryProvider,
} from "@facekit/test-utils/stories";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { FaceMatchButton } from "./FaceMatchButton.tsx";
import { faceMatchMessages as en } from "./internal/faceMatchMessages.ts";

/**
 * `<FaceMatchButton>` against a live Verisoul simulator and a real `@facekit/server` backend
 * (both started by Storybook). Clicking opens the simulated hosted flow in a popup.
 */
const meta = {
  title: "Verisoul/FaceMatchButton",
  component: FaceMatchButton,
  args: {
    mode: "popup",
    pollIntervalMs: 300,
    onComplete: fn(),
    onCancel: fn(),
    onError: fn(),
    onEvent: fn(),
  },
  // Defaults as the code applies them (createFaceMatchFlow and its poller, openPopup, the button).
  argTypes: {
    mode: {
      control: "inline-radio",
      options: ["popup", "redirect", "auto"],
      ...tableDefault('"auto"'),
    },
    popup: tableDefault("{ width: 480, height: 720 }"),
    pollIntervalMs: tableDefault("3000 (then x1.5 per poll, up to 15 s)"),
    severWindowMs: tableDefault("1000"),
    detachedTimeoutMs: tableDefault("600000 (10 minutes)"),
    getSession: {
      control: false,
      ...tableDefault("the provider's POST {endpoint}/verisoul/session"),
    },
    prefetch: tableDefault("false"),
    recheck: tableDefault("false"),
    messages: tableDefault("the provider's messages, then English"),
    children: tableDefault("the words for the status (messages)"),
  },
  decorators: [withStoryProvider],
  beforeEach: () => setStoryScenario(),
} satisfies Meta<typeof FaceMatchButton>;

export default meta;
type Story = StoryObj<typeof meta>;

const button = (canvasElement: HTMLElement) => within(canvasElement).getByRole("button");

/** The button failed with `code`: its label is that code's words (what happened, what to do). */
async function saysWhy(canvasElement: HTMLElement, code: keyof typeof en.errors) {
  await expect(button(canvasElement)).toHaveAttribute("data-state", "failed");
  await expect(button(canvasElement)).toHaveAccessibleName(en.errors[code] ?? "");
  await expect(button(canvasElement)).toBeEnabled(); // a click tries again
}

/** Clicks, then waits for the session the flow opened and returns its id. */
async function start(canvasElement: HTMLElement, onEvent: unknown): Promise<string> {
  await userEvent.click(button(canvasElement));
  const spy = onEvent as ReturnType<typeof fn>;
  await waitFor(() =>
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ type: "session_ready" })),
  );
  const ready = spy.mock.calls
    .map(([e]) => e as FaceMatchEvent)
    .find((e) => e.type === "session_ready");
  if (ready?.type !== "session_ready") throw new Error("no session");
  return ready.sessionId;
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expect(button(canvasElement)).toHaveAttribute("data-state", "idle");
    await expect(button(canvasElement)).toHaveAccessibleName("Verify with face");
  },
};

export const CustomLabel: Story = {
  args: { children: "Verify it's you", className: "my-button" },
  play: async ({ canvasElement }) => {
    await expect(button(canvasElement)).toHaveAccessibleName("Verify it's you");
    await expect(button(canvasElement)).toHaveClass("my-button");
  },
};

export const Preparing: Story = {
  beforeEach: () => setStoryScenario({ latencyMs: 4000 }),
  play: async ({ canvasElement }) => {
    await userEvent.click(button(canvasElement));
    await waitFor(() => expect(button(canvasElement)).toHaveAttribute("data-state", "preparing"));
    await expect(button(canvasElement)).toBeDisabled();
    await expect(button(canvasElement)).toHaveAttribute("aria-busy", "true");
  },
};

export const WaitingForVerification: Story = {
  play: async ({ canvasElement, args }) => {
    await start(canvasElement, args.onEvent);
    await waitFor(() => expect(button(canvasElement)).toHaveAttribute("data-state", "open"));
    await expect(button(canvasElement)).toHaveAccessibleName("Waiting for verification…");
  },
};

/** The person finished the capture; the backend is asking Verisoul (slowly, here). */
export const Verifying: Story = {
  // No result polling while the popup is open, so the answer can only come after the callback.
  args: { pollIntervalMs: 60_000 },
  play: async ({ canvasElement, args }) => {
    const sessionId = await start(canvasElement, args.onEvent);
    await whenCaptureOpen(sessionId);
    await patchStoryScenario({ latencyMs: 3000 });
    await finishCaptureByRedirect(sessionId, "success");
    await waitFor(() => expect(button(canvasElement)).toHaveAttribute("data-state", "verifying"), {
      timeout: 10_000,
    });
    await expect(button(canvasElement)).toHaveAttribute("aria-busy", "true");
    await expect(button(canvasElement)).toBeDisabled();
  },
};

/** Verisoul's decision `decision` for the capture: `onComplete`, and `data-decision` to style. */
function completesWith(decision: "Real" | "Suspicious" | "Fake"): Story {
  return {
    beforeEach: () => setStoryScenario({ decision }),
    play: async ({ canvasElement, args }) => {
      const sessionId = await start(canvasElement, args.onEvent);
      await finishCapture(sessionId, "success");
      await waitFor(
        () => expect(button(canvasElement)).toHaveAttribute("data-state", "completed"),
        { timeout: 5000 },
      );
      await expect(button(canvasElement)).toHaveAttribute("data-decision", decision);
      await expect(args.onComplete).toHaveBeenCalledWith(
        expect.objectContaining({ sessionId, decision }),
      );
      // A calm end state: a click does not start (and pay for) another check.
      await expect(button(canvasElement)).toHaveAttribute("aria-disabled", "true");
      await userEvent.click(button(canvasElement));
      await expect(button(canvasElement)).toHaveAttribute("data-state", "completed");
    },
  };
}

export const Verified = completesWith("Real");

/** With `recheck`, a completed check offers a secondary "Check again" (a new, paid check). */
export const CheckAgain: Story = {
  args: { recheck: true },
  play: async ({ canvasElement, args }) => {
    const sessionId = await start(canvasElement, args.onEvent);
    await finishCapture(sessionId, "success");
    await waitFor(() => expect(button(canvasElement)).toHaveAttribute("data-state", "completed"), {
      timeout: 5000,
    });
    await expect(button(canvasElement)).toHaveAccessibleName(en.checkAgain);
    await expect(button(canvasElement)).not.toHaveAttribute("aria-disabled");
  },
};
export const Suspicious = completesWith("Suspicious");
export const Fake = completesWith("Fake");

/** Verisoul's page sends COOP, which cuts the popup off: the result still comes from the backend. */
export const PopupSevered: Story = {
  beforeEach: () => setStoryScenario({ coop: true }),
  play: async ({ canvasElement, args }) => {
    const sessionId = await start(canvasElement, args.onEvent);
    await waitFor(
      () =>
        expect(args.onEvent).toHaveBeenCalledWith(
          expect.objectContaining({ type: "popup_detached" }),
        ),
      { timeout: 8000 },
    );
    // Waiting for a popup it cannot see: the way out is always offered.
    await expect(button(canvasElement)).toHaveAccessibleName(en.detached);
    await finishCapture(sessionId, "success");
    await waitFor(() => expect(args.onComplete).toHaveBeenCalled(), { timeout: 8000 });
    await expect(button(canvasElement)).toHaveAttribute("data-state", "completed");
  },
};

/** On a desktop, Verisoul's page offers a QR code; the phone finishes, the button learns it. */
export const PhoneHandOff: Story = {
  beforeEach: () => setStoryScenario({ handoff: "always" }),
  play: async ({ canvasElement, args }) => {
    const sessionId = await start(canvasElement, args.onEvent);
    await expect(button(canvasElement)).toHaveAttribute("data-state", "open");
    await finishCapture(sessionId, "success"); // as the phone would
    await waitFor(() => expect(args.onComplete).toHaveBeenCalled(), { timeout: 8000 });
    await expect(button(canvasElement)).toHaveAttribute("data-state", "completed");
  },
};

// The popup the button opened (the story keeps the browser's own window to close it).
let popup: Window | null = null;

/** The person closes the popup without finishing: `onCancel`, and the button offers a retry. */
export const Cancelled: Story = {
  args: { severWindowMs: 300 },
  beforeEach: () => {
    const original = window.open;
    window.open = (...args) => {
      popup = original.apply(window, args);
      return popup;
    };
    return () => {
      window.open = original;
    };
  },
  play: async ({ canvasElement, args }) => {
    const sessionId = await start(canvasElement, args.onEvent);
    await whenCaptureOpen(sessionId);
    await new Promise((resolve) => setTimeout(resolve, 600)); // past `severWindowMs`
    popup?.close();
    await waitFor(() => expect(args.onCancel).toHaveBeenCalled(), { timeout: 8000 });
    await expect(button(canvasElement)).toHaveAttribute("data-state", "cancelled");
    await expect(button(canvasElement)).toHaveAccessibleName(en.cancelled);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const LivenessFailed: Story = {
  play: async ({ canvasElement, args }) => {
    const sessionId = await start(canvasElement, args.onEvent);
    await finishCapture(sessionId, "liveness_check_failed");
    await waitFor(() => expect(args.onError).toHaveBeenCalled(), { timeout: 5000 });
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: "liveness_failed" }),
    );
    await saysWhy(canvasElement, "liveness_failed");
  },
};

/** The hosted capture ends with `outcome` (the person's choice there): `onError` with `code`. */
function captureFails(outcome: string, code: keyof typeof en.errors): Story {
  return {
    play: async ({ canvasElement, args }) => {
      const sessionId = await start(canvasElement, args.onEvent);
      await finishCaptureByRedirect(sessionId, outcome);
      await waitFor(() => expect(args.onError).toHaveBeenCalled(), { timeout: 8000 });
      await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code }));
      await saysWhy(canvasElement, code);
    },
  };
}

export const CameraDenied = captureFails("failed_to_get_camera_permission", "camera_denied");

/** Leaving the hosted page before the end is a cancel, as closing the popup is: not an error. */
export const LeftBeforeFinishing: Story = {
  play: async ({ canvasElement, args }) => {
    const sessionId = await start(canvasElement, args.onEvent);
    await finishCaptureByRedirect(sessionId, "failed_to_complete_face_scan");
    await waitFor(() => expect(args.onCancel).toHaveBeenCalled(), { timeout: 8000 });
    await expect(args.onError).not.toHaveBeenCalled();
    await expect(button(canvasElement)).toHaveAttribute("data-state", "cancelled");
    await expect(button(canvasElement)).toHaveAccessibleName(en.cancelled);
  },
};

/** The browser blocks the popup and the mode allows no redirect: said at once, no vendor call. */
export const PopupBlocked: Story = {
  args: { mode: "popup" },
  beforeEach: () => {
    const original = window.open;
    window.open = () => null; // what a blocking browser answers
    return () => {
      window.open = original;
    };
  },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(button(canvasElement));
    await waitFor(() =>
      expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: "popup_blocked" })),
    );
    await saysWhy(canvasElement, "popup_blocked");
  },
};

/** The click fails at once with `code`, from the backend `parameters.facekitBackend` names. */
function backendFails(backend: string, code: keyof typeof en.errors): Story {
  return {
    parameters: { facekitBackend: backend },
    play: async ({ canvasElement, args }) => {
      await userEvent.click(button(canvasElement));
      await waitFor(() =>
        expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code })),
      );
      await saysWhy(canvasElement, code);
    },
  };
}

export const NotSignedIn = backendFails(storyBackends.signedOut, "unauthorized");
export const BackendUnreachable = backendFails(storyBackends.offline, "network");
export const VendorKeyRefused = backendFails(storyBackends.badVendorKey, "vendor_misconfigured");

/** The capture succeeds, then the backend's answer fails with `code`. */
function succeedsThenFails(code: keyof typeof en.errors): Story["play"] {
  return async ({ canvasElement, args }) => {
    const sessionId = await start(canvasElement, args.onEvent);
    await finishCapture(sessionId, "success");
    await waitFor(
      () => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code })),
      { timeout: 8000 },
    );
    await saysWhy(canvasElement, code);
  };
}

/** 1:1 authentication (a login page) for an account that never enrolled a face. */
export const NoEnrolledFace: Story = {
  parameters: { facekitBackend: storyBackends.login },
  play: succeedsThenFails("account_not_found"),
};

// Minted after the meta's simulator reset (story hooks run after the meta's), before render.
let tampered: FaceMatchSession | undefined;

/** A ready `session` whose token was altered: the backend refuses to report on it. */
export const SessionTampered: Story = {
  beforeEach: async () => {
    tampered = await mintTamperedFaceMatchSession();
  },
  render: (args) => <FaceMatchButton {...args} session={tampered} />,
  play: succeedsThenFails("session_invalid"),
};

export const VendorRateLimited: Story = {
  beforeEach: () => setStoryScenario({ failNext: { status: 429, count: 1 } }),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(button(canvasElement));
    await waitFor(() =>
      expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: "rate_limited" })),
    );
    await saysWhy(canvasElement, "rate_limited");
  },
};

export const VendorDown: Story = {
  beforeEach: () => setStoryScenario({ failNext: { status: 503, count: 1 } }),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(button(canvasElement));
    await waitFor(() =>
      expect(args.onError).toHaveBeenCalledWith(
        expect.objectContaining({ code: "vendor_unavailable" }),
      ),
    );
    await saysWhy(canvasElement, "vendor_unavailable");
  },
};

export const SessionExpired: Story = {
  beforeEach: () => setStoryScenario({ expireSessions: true }),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(button(canvasElement));
    await waitFor(
      () =>
        expect(args.onError).toHaveBeenCalledWith(
          expect.objectContaining({ code: "session_expired" }),
        ),
      { timeout: 5000 },
    );
    await saysWhy(canvasElement, "session_expired");
  },
};

/** The toolbar's language, pinned: the label comes from the Spanish catalogue. */
export const Spanish: Story = {
  globals: { locale: "es" },
  play: async ({ canvasElement }) => {
    await expect(button(canvasElement)).toHaveAccessibleName("Verificar con el rostro");
  },
};
