/**
 * Preview annotations of the static Storybook build only (`import.meta.env.FACEKIT_STORY_STATIC`,
 * set by `facekitStaticStories.ts`): the service worker that simulates the vendors and the
 * backend starts before any story, and each story carries a note that it is simulated. Empty in
 * `storybook dev` and the story tests, which have the real backend.
 */
import type { Decorator, Preview } from "@storybook/react-vite";
import { registerStoryWorker } from "./registerStoryWorker.ts";

const isStatic = Boolean(import.meta.env.FACEKIT_STORY_STATIC);

const withSimulatedNote: Decorator = (Story) => (
  <>
    <p
      role="note"
      data-facekit-simulated=""
      style={{
        margin: "0 0 12px",
        padding: "6px 10px",
        border: "1px dashed #8a6d00",
        borderRadius: 6,
        background: "#fff8db",
        color: "#4d3d00",
        font: "13px/1.4 system-ui, sans-serif",
      }}
    >
      Simulated: Verisoul, FaceSign, Didit and the FaceKit backend run in your browser (no real
      vendor is called). State resets when the browser stops the page's worker.
    </p>
    <Story />
  </>
);

export const beforeAll: Preview["beforeAll"] = isStatic ? registerStoryWorker : undefined;
export const decorators: Decorator[] = isStatic ? [withSimulatedNote] : [];
