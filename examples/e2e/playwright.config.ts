/**
 * The example apps, walked in Chromium as a person would. `scripts/test-examples.mjs` builds and
 * starts them and the simulators, then runs this with their URLs in `NEXT_URL` and `VITE_URL`.
 */
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../../vite.shared.ts";

const url = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`npm run test:examples\``);
  return value;
};

export default defineConfig({
  testDir: ".",
  forbidOnly: !!process.env.CI,
  // One browser at a time: both apps share one set of simulators.
  workers: 1,
  timeout: 45_000,
  reporter: [["list"], ["json"]],
  outputDir: "../../test-results/examples",
  use: {
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "next",
      testMatch: ["components.spec.ts", "redirect.spec.ts", "edge.spec.ts"],
      use: { baseURL: url("NEXT_URL") },
    },
    {
      name: "vite-express",
      testMatch: ["components.spec.ts"],
      use: { baseURL: url("VITE_URL") },
    },
  ],
});
