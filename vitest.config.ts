import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumArgs, chromiumPath, sourceResolve } from "./vite.shared.ts";

/** Vitest's browser mode in Debian's headless Chromium (one object per project: Vitest names it). */
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
  instances: [{ browser: "chromium" as const }],
});

export default defineConfig({
  ...sourceResolve,
  plugins: [react()],
  test: {
    // Vitest's default, written out: a `.only` left in a test fails the run under CI.
    allowOnly: !process.env.CI,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: [
            "packages/{server,simulator}/src/**/*.test.ts",
            "packages/core/src/protocol/**/*.test.ts",
            "apps/demo/server/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["packages/{core,react,testing}/src/**/*.test.{ts,tsx}"],
          exclude: ["packages/core/src/protocol/**", "**/*.browser.test.{ts,tsx}"],
          setupFiles: ["./vitest.setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "types",
          // Type tests only: tsc checks them (nothing runs); a type error is a failed test.
          typecheck: {
            enabled: true,
            only: true,
            checker: "tsc",
            tsconfig: "./tsconfig.typetests.json",
            include: ["packages/*/src/**/*.test-d.{ts,tsx}"],
          },
        },
      },
      {
        extends: true,
        // @facekit/server answers `browser` with nothing (never in an app bundle): a test backend
        // in the page takes its Web-standard build, as a worker would.
        resolve: { conditions: ["worker"] },
        test: {
          name: "browser",
          include: ["packages/testing/src/**/*.browser.test.{ts,tsx}"],
          browser: chromium(),
        },
      },
      storyProject("storybook", "auto"),
      // Every story again in the dark theme, so axe checks its contrast too.
      storyProject("storybook-dark", "dark"),
    ],
  },
});

/** The stories as tests in Chromium (play functions and axe), with `theme` as the toolbar's theme. */
function storyProject(name: string, theme: "auto" | "dark") {
  return {
    extends: true as const,
    plugins: [
      storybookTest({ configDir: fileURLToPath(new URL("./.storybook", import.meta.url)) }),
    ],
    define: { __FACEKIT_STORY_THEME__: JSON.stringify(theme) },
    test: { name, browser: chromium() },
  };
}
