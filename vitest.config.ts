import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { sourceResolve } from "./vite.shared.ts";

export default defineConfig({
  ...sourceResolve,
  plugins: [react()],
  test: {
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
          include: ["packages/{core,react}/src/**/*.test.{ts,tsx}"],
          exclude: ["packages/core/src/protocol/**"],
          setupFiles: ["./vitest.setup.ts"],
        },
      },
    ],
  },
});
