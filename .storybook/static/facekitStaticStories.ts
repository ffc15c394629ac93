/**
 * Makes the static Storybook build (`npm run build-storybook`) live without a backend: flags the
 * build (`import.meta.env.FACEKIT_STORY_STATIC`, read by `staticPreview.tsx`, which registers the
 * service worker and notes on each story that it is simulated), and writes the service worker,
 * the callback page and the simulator's test photos next to the build. `storybook dev` and the
 * story tests keep the real backend (`facekitStoryBackend.ts`).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { storyCallbackPath, storyPhotoFiles, storyWorkerFile } from "../storyPaths.ts";
import { buildStoryWorker } from "./buildStoryWorker.ts";

const fixtures = new URL("../../packages/simulator/fixtures/", import.meta.url);

const callbackHtml = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>FaceKit callback</title></head>
<body><p>Finishing verification…</p><script src="/__facekit-story/callback.js"></script></body></html>`;

/**
 * The Vite plugin of the static build (see the module comment).
 * @example
 * viteFinal: (config) => mergeConfig(config, { plugins: [facekitStaticStories()] }),
 */
export function facekitStaticStories(): Plugin {
  return {
    name: "facekit-static-stories",
    apply: "build",
    config: () => ({ define: { "import.meta.env.FACEKIT_STORY_STATIC": "true" } }),
    async generateBundle() {
      const { worker, callback } = await buildStoryWorker();
      const emit = (fileName: string, source: string | Uint8Array) =>
        this.emitFile({ type: "asset", fileName, source });
      emit(storyWorkerFile, worker);
      emit(storyCallbackPath.slice(1), callbackHtml);
      emit("__facekit-story/callback.js", callback);
      for (const photo of Object.values(storyPhotoFiles)) {
        const bytes = await readFile(fileURLToPath(new URL(photo, fixtures)));
        emit(`__facekit-story/photos/${photo}`, new Uint8Array(bytes));
      }
    },
  };
}
