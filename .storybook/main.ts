import type { StorybookConfig } from "@storybook/react-vite";
import { mergeConfig } from "vite";
import { sourceResolve } from "../vite.shared.ts";
import { facekitStoryBackend } from "./facekitStoryBackend.ts";

const config: StorybookConfig = {
  stories: ["../packages/*/docs/*.mdx", "../packages/*/src/**/*.stories.tsx"],
  addons: ["@storybook/addon-vitest", "@storybook/addon-a11y", "@storybook/addon-docs"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true },
  viteFinal: (config) =>
    mergeConfig(config, { ...sourceResolve, plugins: [facekitStoryBackend()] }),
};

export default config;
