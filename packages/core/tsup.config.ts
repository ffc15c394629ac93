import { existsSync, readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const entries = { index: "src/index.ts", "protocol/index": "src/protocol/index.ts" };

/**
 * `new Worker(new URL("./imageWorker.js", import.meta.url))` in src/internal/image/runInWorker.ts
 * must find the worker next to the bundled file that holds it (dist/index.js or a dist/chunk-*.js),
 * so the worker is an entry at the dist root. Fails the build if that ever stops being true.
 */
function checkWorkerUrl() {
  const files = readdirSync("dist").filter((f) => f.endsWith(".js"));
  const starter = files.filter((f) =>
    readFileSync(`dist/${f}`, "utf8").includes('new URL("./imageWorker.js", import.meta.url)'),
  );
  if (starter.length === 0 || !existsSync("dist/imageWorker.js")) {
    throw new Error("dist: the image worker URL or dist/imageWorker.js is missing");
  }
}

export default defineConfig({
  entry: { ...entries, imageWorker: "src/internal/image/imageWorker.ts" },
  format: ["esm"],
  dts: { entry: entries },
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  onSuccess: async () => checkWorkerUrl(),
});
