import { defineConfig } from "@playwright/test";
import { e2ePorts } from "./e2e/ports.ts";
import { chromiumArgs, chromiumPath } from "./vite.shared.ts";

export default defineConfig({
  testDir: "e2e",
  // One browser at a time: the simulators' scenario (faults, latency) is shared state.
  workers: 1,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://localhost:${e2ePorts.app}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: "retain-on-failure",
  },
  webServer: {
    command: "node --conditions=@facekit/source --import tsx e2e/server.ts",
    url: `http://localhost:${e2ePorts.app}/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
