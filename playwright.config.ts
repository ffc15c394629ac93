import { defineConfig } from "@playwright/test";
import { e2ePorts } from "./e2e/ports.ts";
import { chromiumArgs, chromiumPath } from "./vite.shared.ts";

// Specs import workspace packages (@facekit/simulator, @facekit/testing) as users do; their
// exports reach the sources through this condition, so the suite needs no build. Workers
// inherit it.
if (!process.env.NODE_OPTIONS?.includes("--conditions=@facekit/source")) {
  process.env.NODE_OPTIONS =
    `${process.env.NODE_OPTIONS ?? ""} --conditions=@facekit/source`.trim();
}

export default defineConfig({
  testDir: "e2e",
  // A `test.only` left in a spec fails the run under CI instead of skipping every other test.
  forbidOnly: !!process.env.CI,
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
  webServer: [
    {
      command: "node --conditions=@facekit/source --import tsx e2e/server.ts",
      url: `http://localhost:${e2ePorts.app}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The demo (`npm run demo`) for e2e/demoSignup.spec.ts, on ports of its own: app 5190,
      // simulators 4210-4230 (neither the harness's nor the default demo's). Simulated vendors only.
      command: "node --conditions=@facekit/source --import tsx apps/demo/server/dev.ts",
      url: "http://localhost:5190/api/demo/vendors",
      env: {
        PORT: "5190",
        DEMO_SIM_PORT_BASE: "4210",
        DEMO_HMR: "false", // an edit elsewhere in the workspace must not reload the page mid-test
        VERISOUL_API_KEY: "",
        FACESIGN_API_KEY: "",
        DIDIT_API_KEY: "",
      },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
