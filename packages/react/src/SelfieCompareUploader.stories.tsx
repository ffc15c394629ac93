import { FaceKitError, type FaceKitErrorCode } from "@facekit/core";
import {
  diditPhoto,
  makeSelfieCompareResult,
  type StoryPhotosParameters,
  setDiditScenario,
  storyDidit,
  storyPortrait,
  tableDefault,
  withStoryPhotos,
  withStoryProvider,
} from "@facekit/test-utils/stories";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { selfieCompareMessages } from "./internal/selfieCompareMessages.ts";
import { SelfieCompareUploader } from "./SelfieCompareUploader.tsx";

/** What "Show code" prints: what an app writes (the stories' stand-in routes are not). */
const usage = (
  provider = "",
) => `import { FaceKitProvider, SelfieCompareUploader } from "@facekit/react";
import "@facekit/react/styles.css";

<FaceKitProvider endpoint="/api/facekit"${provider}>
  <SelfieCompareUploader
    onComplete={(result) => goOn(result.status)}
    onError={(error) => track(error.code)}
  />
</FaceKitProvider>`;

/**
 * `<SelfieCompareUploader>` with an in-memory stand-in for your backend's Didit routes (the
 * `getGrant` and `compare` props), so these stories need no server; photos go through the real
 * `prepareImage` (worker) and the camera is the browser's own. State stories (`Approved`,
 * `Uploading`, the failures...) get their photos from `parameters.facekitPhotos`, so they show
 * their state on the docs page too. The `Live…` stories use Storybook's backend at
 * `/api/facekit` (real `@facekit/server` routes) and the Didit simulator, which scores the
 * simulator's test photos.
 */
const meta = {
  title: "Didit/SelfieCompareUploader",
  component: SelfieCompareUploader,
  args: {
    ...storyDidit(),
    onComplete: fn(),
    onCancel: fn(),
    onError: fn(),
    onEvent: fn(),
  },
  argTypes: {
    getGrant: { control: false, ...tableDefault("the provider's POST {endpoint}/didit/grant") },
    compare: { control: false, ...tableDefault("the provider's POST {endpoint}/didit/compare") },
    prepare: { control: false, ...tableDefault("prepareImage (loaded on first use)") },
    messages: { ...tableDefault("the provider's messages, then English") },
  },
  parameters: { docs: { source: { code: usage(), language: "tsx" } } },
  decorators: [withStoryProvider, withStoryPhotos],
} satisfies Meta<typeof SelfieCompareUploader>;

export default meta;
type Story = StoryObj<typeof meta>;

const root = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>("[data-state]") as HTMLElement;

/** Photos in both slots, then Compare, on load (see `withStoryPhotos`). */
const compared = { facekitPhotos: "compare" } satisfies StoryPhotosParameters;

/** Waits for the result in words; a state story's photos were compared on load. */
async function resultSays(canvasElement: HTMLElement, words: string) {
  await waitFor(() => expect(within(canvasElement).getByRole("status")).toHaveTextContent(words), {
    timeout: 10_000,
  });
}

/** Both slots: your backend has no reference photo, so the person uploads one. */
export const TwoPhotos: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("group", { name: "Reference photo" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Compare" })).toBeDisabled();
    // Before capture: what happens, who sees the photos, tips for a good selfie.
    await expect(canvas.getByText(selfieCompareMessages.intro)).toBeVisible();
    await expect(canvas.getByText(selfieCompareMessages.privacy)).toBeVisible();
    await expect(canvas.getAllByRole("listitem")).toHaveLength(selfieCompareMessages.tips.length);
  },
};

/** Your backend holds the reference photo: a selfie alone. */
export const SelfieOnly: Story = {
  args: storyDidit({ reference: "server" }),
  play: async ({ canvasElement, args }) => {
    await waitFor(() =>
      expect(args.onEvent).toHaveBeenCalledWith({ type: "grant_ready", reference: "server" }),
    );
    await expect(
      within(canvasElement).queryByRole("group", { name: "Reference photo" }),
    ).toBeNull();
  },
};

/** Both photos picked: Compare is ready. */
export const PhotosPicked: Story = {
  parameters: { facekitPhotos: "pick" } satisfies StoryPhotosParameters,
  play: async ({ canvasElement }) => {
    const compare = within(canvasElement).getByRole("button", { name: "Compare" });
    await waitFor(() => expect(compare).toBeEnabled(), { timeout: 10_000 });
    await expect(root(canvasElement)).toHaveAttribute("data-state", "ready");
  },
};

/**
 * A result belongs to its photos: Compare stays disabled, with the reason, until a photo changes
 * (a second click would pay Didit for the same answer).
 */
export const Approved: Story = {
  parameters: compared,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await resultSays(canvasElement, "Approved: the faces match.");
    await expect(root(canvasElement)).toHaveAttribute("data-state", "completed");
    const compare = canvas.getByRole("button", { name: "Compare" });
    await expect(compare).toHaveAttribute("aria-disabled", "true");
    await expect(compare).toHaveAccessibleDescription(selfieCompareMessages.newPhotos);
    await userEvent.click(compare);
    // Nothing sent: an upload would have made the uploader `uploading` at once.
    await expect(root(canvasElement)).toHaveAttribute("data-state", "completed");
    await expect(args.onComplete).toHaveBeenCalledTimes(1);
    // A new photo: a new comparison may be asked for.
    const selfie = canvas.getByRole("group", { name: "Your selfie" });
    const input = selfie.querySelector("input[type=file]") as HTMLInputElement;
    await userEvent.upload(input, await storyPortrait(200));
    await waitFor(() => expect(compare).not.toHaveAttribute("aria-disabled"), { timeout: 8000 });
    await waitFor(() => expect(compare).toBeEnabled(), { timeout: 8000 });
  },
};

export const Declined: Story = {
  args: storyDidit({ result: makeSelfieCompareResult("declined") }),
  parameters: compared,
  play: async ({ canvasElement }) => {
    await resultSays(canvasElement, "Declined: the faces do not match.");
    const canvas = within(canvasElement);
    await expect(
      canvas.getByText(makeSelfieCompareResult("declined").warnings[0]?.message ?? ""),
    ).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Compare" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  },
};

/**
 * In a phone-wide column (the uploader lays out by its own width): compact slots, a thumbnail
 * beside the buttons, so Compare and the result stay in view with the photos.
 */
export const ApprovedInANarrowColumn: Story = {
  parameters: compared,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 358 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await resultSays(canvasElement, "Approved: the faces match.");
    const selfie = within(canvasElement).getByRole("group", { name: "Your selfie" });
    await expect(getComputedStyle(selfie).display).toBe("grid");
    await expect(selfie.getBoundingClientRect().height).toBeLessThan(180);
    const uploader = root(canvasElement);
    await expect(uploader.scrollWidth).toBeLessThanOrEqual(uploader.clientWidth);
  },
};

/** Mid-upload: the progress bar moves, Cancel upload is offered, the slots are locked. */
export const Uploading: Story = {
  args: storyDidit({ uploadMs: 100_000 }),
  parameters: compared,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const bar = await canvas.findByRole("progressbar", { name: "Uploading" }, { timeout: 10_000 });
    await waitFor(() => expect(Number(bar.getAttribute("value"))).toBeGreaterThan(0), {
      timeout: 5000,
    });
    await expect(root(canvasElement)).toHaveAttribute("data-state", "uploading");
    await expect(canvas.getByRole("button", { name: "Cancel upload" })).toBeEnabled();
    await expect(canvas.getByRole("group", { name: "Your selfie" })).toBeDisabled();
    await expect(args.onComplete).not.toHaveBeenCalled();
  },
};

/** The person cancels mid-upload (the click is this story's play function). */
export const UploadCancelled: Story = {
  args: storyDidit({ uploadMs: 10_000 }),
  parameters: compared,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const cancel = await canvas.findByRole(
      "button",
      { name: "Cancel upload" },
      { timeout: 10_000 },
    );
    await expect(canvas.getByRole("progressbar", { name: "Uploading" })).toBeVisible();
    await userEvent.click(cancel);
    await expect(root(canvasElement)).toHaveAttribute("data-state", "cancelled");
    await expect(args.onCancel).toHaveBeenCalled();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const RateLimited: Story = {
  args: storyDidit({
    uploadError: new FaceKitError("rate_limited", "Too many requests", { status: 429 }),
  }),
  parameters: compared,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert", {}, { timeout: 10_000 })).toHaveTextContent(
      "Too many attempts.",
    );
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: "rate_limited" }),
    );
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await resultSays(canvasElement, "Approved: the faces match.");
  },
};

export const NotSignedIn: Story = {
  args: storyDidit({
    grantError: new FaceKitError("unauthorized", "Sign in first.", { status: 401 }),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Please sign in first.");
    await expect(root(canvasElement)).toHaveAttribute("data-state", "failed");
  },
};

export const NotAnImage: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const group = await canvas.findByRole("group", { name: "Your selfie" });
    const input = group.querySelector("input[type=file]") as HTMLInputElement;
    // `accept` only filters the picker; "All files" (or a drop) can still bring anything.
    await userEvent.upload(input, new File(["just text"], "notes.jpg", { type: "image/jpeg" }), {
      applyAccept: false,
    });
    await expect(await within(group).findByRole("alert", {}, { timeout: 8000 })).toHaveTextContent(
      "This file is not a photo that can be read",
    );
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The browser's camera (a fake device in the story tests): capture, then the preview. */
export const CameraCapture: Story = {
  args: storyDidit({ reference: "server" }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Use camera" }));
    const capture = await canvas.findByRole("button", { name: "Capture" });
    await waitFor(
      () =>
        expect(
          (canvas.getByLabelText("Camera preview") as HTMLVideoElement).videoWidth,
        ).toBeGreaterThan(0),
      { timeout: 8000 },
    );
    await userEvent.click(capture);
    await expect(
      await canvas.findByRole("img", { name: "Your selfie" }, { timeout: 8000 }),
    ).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Compare" })).toBeEnabled();
  },
};

/** The upload fails with `code` (as your backend would answer it): the words for it, Try again. */
function failedUpload(code: FaceKitErrorCode, status?: number): Story {
  return {
    args: storyDidit({ uploadError: new FaceKitError(code, `Failed: ${code}`, { status }) }),
    parameters: compared,
    play: async ({ canvasElement, args }) => {
      const canvas = within(canvasElement);
      const alert = await canvas.findByRole("alert", {}, { timeout: 10_000 });
      await expect(alert).toHaveTextContent(
        selfieCompareMessages.errors[code] ?? selfieCompareMessages.otherError,
      );
      await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code }));
      await expect(canvas.getByRole("button", { name: "Try again" })).toBeEnabled();
    },
  };
}

export const NoCredits = failedUpload("no_credits", 402);
export const ImageTooLarge = failedUpload("image_too_large", 413);
export const GrantExpired = failedUpload("session_expired", 410);
export const GrantAlreadyUsed = failedUpload("session_invalid", 404);
export const VendorUnavailable = failedUpload("vendor_unavailable", 503);
export const VendorMisconfigured = failedUpload("vendor_misconfigured", 502);
export const Offline = failedUpload("network");

/** The person refused the camera: said in the slot, and a file still works. */
export const CameraDenied: Story = {
  args: storyDidit({ reference: "server" }),
  beforeEach: () => {
    // The browser's permission answer, as Chromium gives it when the person says no.
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia;
    devices.getUserMedia = () =>
      Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    return () => {
      devices.getUserMedia = original;
    };
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Use camera" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Camera access is blocked");
    await expect(canvas.getByRole("button", { name: "Choose a photo" })).toBeVisible();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The person's two photos, as the file picker would give them, then Compare. */
async function uploadLive(canvasElement: HTMLElement, selfie: File, reference: File) {
  const canvas = within(canvasElement);
  const slots: [string, File][] = [
    ["Reference photo", reference],
    ["Your selfie", selfie],
  ];
  for (const [name, file] of slots) {
    const group = await canvas.findByRole("group", { name }, { timeout: 8000 });
    await userEvent.upload(group.querySelector("input[type=file]") as HTMLInputElement, file);
  }
  const compare = canvas.getByRole("button", { name: "Compare" });
  await waitFor(() => expect(compare).toBeEnabled(), { timeout: 8000 });
  await userEvent.click(compare);
}

/** Live stories: Storybook's backend (real `@facekit/server` routes) and the Didit simulator. */
const live = {
  args: { getGrant: undefined, compare: undefined },
  beforeEach: () => setDiditScenario(),
} satisfies Partial<Story>;

/** Two photos of the same (simulated) person: the simulator scores them high. */
export const LiveSamePerson: Story = {
  ...live,
  play: async ({ canvasElement, args }) => {
    await uploadLive(canvasElement, await diditPhoto("personA2"), await diditPhoto("personA"));
    await waitFor(() => expect(args.onComplete).toHaveBeenCalled(), { timeout: 15_000 });
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("status")).toHaveTextContent("Approved: the faces match.");
    await expect(canvas.getByText(/Similarity: \d+/)).toBeVisible();
  },
};

/** Two different people: declined, with Didit's warning in words. */
export const LiveDifferentPeople: Story = {
  ...live,
  play: async ({ canvasElement, args }) => {
    await uploadLive(canvasElement, await diditPhoto("personB"), await diditPhoto("personA"));
    await waitFor(() => expect(args.onComplete).toHaveBeenCalled(), { timeout: 15_000 });
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(
      "Declined: the faces do not match.",
    );
    // The tips, and Didit's warning.
    await expect(within(canvasElement).getAllByRole("listitem")).toHaveLength(
      selfieCompareMessages.tips.length + 1,
    );
  },
};

/** A photo without a face: declined, no score. */
export const LiveNoFace: Story = {
  ...live,
  play: async ({ canvasElement, args }) => {
    await uploadLive(canvasElement, await diditPhoto("noFace"), await diditPhoto("personA"));
    await waitFor(() => expect(args.onComplete).toHaveBeenCalled(), { timeout: 15_000 });
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("status")).toHaveTextContent("Declined");
    await expect(canvas.queryByText(/Similarity/)).toBeNull();
  },
};

/** The backend's Didit account has no credits left: nothing compared, a clear message. */
export const LiveNoCredits: Story = {
  ...live,
  beforeEach: () => setDiditScenario({ credits: 0 }),
  play: async ({ canvasElement, args }) => {
    await uploadLive(canvasElement, await diditPhoto("personA2"), await diditPhoto("personA"));
    await waitFor(
      () =>
        expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: "no_credits" })),
      { timeout: 10_000 },
    );
    await expect(within(canvasElement).getByRole("alert")).not.toBeEmptyDOMElement();
  },
};

/** The toolbar's language, pinned: both slots and Compare in Spanish. */
export const Spanish: Story = {
  globals: { locale: "es" },
  parameters: {
    docs: {
      source: {
        code: usage(" messages={es}").replace(
          'import "@facekit/react/styles.css";',
          'import { es } from "@facekit/react/locales/es";\nimport "@facekit/react/styles.css";',
        ),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("group", { name: "Foto de referencia" })).toBeVisible();
    await expect(canvas.getByRole("group", { name: "Tu selfie" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Comparar" })).toBeDisabled();
  },
};
