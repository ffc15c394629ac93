import { fileURLToPath } from "node:url";
import type { StorybookConfig } from "@storybook/react-vite";
import { mergeConfig } from "vite";
import { sourceResolve } from "../vite.shared.ts";
import { facekitStoryBackend } from "./facekitStoryBackend.ts";
import { facekitStaticStories } from "./static/facekitStaticStories.ts";

const config: StorybookConfig = {
  stories: ["../packages/*/docs/*.mdx", "../packages/*/src/**/*.stories.tsx"],
  addons: ["@storybook/addon-vitest", "@storybook/addon-a11y", "@storybook/addon-docs"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true },
  // The static build simulates the backend in a service worker (.storybook/static/).
  previewAnnotations: (entries = []) => [
    ...entries,
    fileURLToPath(new URL("./static/staticPreview.tsx", import.meta.url)),
  ],
  viteFinal: (config) =>
    mergeConfig(config, {
      ...sourceResolve,
      plugins: [facekitStoryBackend(), facekitStaticStories()],
    }),
};

export default config;
