import { defineConfig } from "tsup";

const entries = { index: "src/index.ts", node: "src/node.ts" };

/**
 * The bundles go two folders deep (`dist/esm/`) because `diditFixturePaths()` finds the test
 * images at `../../fixtures/` from its own module, which is `src/didit/` in the sources: from
 * `dist/esm/*.js` the same path reaches the shipped `fixtures/` folder.
 */
export default defineConfig({
  entry: { ...entries, cli: "src/cli.ts" },
  outDir: "dist/esm",
  format: ["esm"],
  dts: { entry: entries },
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
});
