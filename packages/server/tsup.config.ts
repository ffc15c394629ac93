import { defineConfig } from "tsup";

const entries = { index: "src/index.ts", node: "src/node.ts", redis: "src/redis.ts" };

export default defineConfig({
  // `edge/*` re-export index and redis under their own file names for the `edge-light`, `worker`
  // and `workerd` conditions: the package's `browser` field empties `dist/index.js` and
  // `dist/redis.js`, and edge bundlers (Next.js) apply it too. Their types are index's and redis's.
  entry: { ...entries, "edge/index": "src/edge/index.ts", "edge/redis": "src/edge/redis.ts" },
  format: ["esm"],
  dts: { entry: entries },
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
});
