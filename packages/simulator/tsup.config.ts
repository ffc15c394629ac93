import { defineConfig } from "tsup";

const entries = { index: "src/index.ts", node: "src/node.ts" };
const shared = {
  format: ["esm" as const],
  sourcemap: true,
  target: "es2022",
  treeshake: true,
};

/**
 * The bundles go two folders deep (`dist/esm/`) because `diditFixturePaths()` finds the test
 * images at `../../fixtures/` from its own module, which is `src/didit/` in the sources: from
 * `dist/esm/*.js` the same path reaches the shipped `fixtures/` folder. `dist/browser/` is the
 * package root again for browsers (the `browser` export condition): built for the browser
 * platform, so the `#decodeImage` import takes the browser's decoders instead of Node's.
 */
export default defineConfig([
  {
    ...shared,
    entry: { ...entries, cli: "src/cli.ts" },
    outDir: "dist/esm",
    dts: { entry: entries },
    clean: true,
  },
  { ...shared, entry: { index: "src/index.ts" }, outDir: "dist/browser", platform: "browser" },
]);
