/**
 * Resolution shared by Vitest, Storybook and the demo: workspace packages resolve to their
 * TypeScript source through the `@facekit/source` export condition, so nothing needs a build.
 */
import { defaultClientConditions, defaultServerConditions, type UserConfig } from "vite";

const sourceCondition = "@facekit/source";

export const sourceResolve: Pick<UserConfig, "resolve" | "ssr"> = {
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
};

/** Chromium from Debian; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags every headless Chromium launch needs on this kind of machine (root, closed network). */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
];
