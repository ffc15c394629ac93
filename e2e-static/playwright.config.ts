import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../vite.shared.ts";

/**
 * The static Storybook build, opened as a designer would: `storybook build`, then a plain file
 * server with no API. The simulated vendors and backend run in the page's service worker.
 */
const port = 6106;

// The specs import @facekit/testing as users do; its exports reach the sources through this.
if (!process.env.NODE_OPTIONS?.includes("--conditions=@facekit/source")) {
  process.env.NODE_OPTIONS =
    `${process.env.NODE_OPTIONS ?? ""} --conditions=@facekit/source`.trim();
}

export default defineConfig({
  testDir: ".",
  forbidOnly: !!process.env.CI,
  workers: 1,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  outputDir: "../test-results/e2e-static",
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: "retain-on-failure",
  },
  webServer: {
    command: `node_modules/.bin/storybook build -o storybook-static --quiet && node --import tsx e2e-static/serveStatic.ts storybook-static ${port}`,
    cwd: "..",
    url: `http://localhost:${port}/iframe.html`,
    // Always a fresh build: a server left running would serve an older one.
    reuseExistingServer: false,
    timeout: 240_000,
  },
});
