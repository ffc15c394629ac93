import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { defineConfig } from "tsup";

const entries = {
  index: "src/index.ts",
  "locales/en": "src/locales/en.ts",
  "locales/es": "src/locales/es.ts",
  "locales/fr": "src/locales/fr.ts",
};

/**
 * Two entries nobody imports, to shape the chunks. esbuild (and an app bundled with it, as
 * scripts/size.mjs measures) keeps every name a bundled file imports from react or React Query,
 * used or not. With `index` alone, dist/index.js held every component, so Face Match's bundle
 * carried the names only the others use (`QueryClient`, `MutationObserver`, `useImperativeHandle`,
 * `jsxs`...: 76 B gzip). esbuild puts code in one chunk per set of entries that reach it: with
 * `internal/faceMatch`, Face Match and the code the components share land in one chunk that
 * imports only what they use; with `internal/all` (the same barrel again), the other components'
 * code leaves dist/index.js for a chunk of its own, and dist/index.js only re-exports.
 * See docs/decisions/0021-component-bundle-sizes.md.
 */
const chunkShapers = {
  "internal/faceMatch": "src/FaceMatchButton.tsx",
  "internal/all": "src/index.ts",
};

export default defineConfig({
  entry: { ...entries, ...chunkShapers },
  format: ["esm"],
  dts: { entry: entries },
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  onSuccess: async () => {
    await markClientModules("dist");
    // The stylesheet is written with native nesting; the published file is flat, for browsers
    // without it (color-mix() still sets the floor: Chrome 111, Safari 16.2, Firefox 113).
    await build({
      entryPoints: ["src/styles.css"],
      outfile: "dist/styles.css",
      bundle: true,
      target: ["chrome111", "safari16.2", "firefox113"],
      logLevel: "warning",
    });
  },
});

const directive = '"use client";\n';

/**
 * Puts `"use client"` at the top of every built file, so a React Server Component can import the
 * components (and pass a locale catalogue, which holds functions, as a prop). Added after the
 * build: tsup's `banner` goes through Rollup's tree-shaking, which drops module-level directives
 * ("Module level directives cause errors when bundled"), and without that tree-shaking the
 * components outgrow their size budgets. The source map gains one empty line to match.
 */
async function markClientModules(dir: string) {
  const files = await readdir(dir, { recursive: true });
  for (const file of files.filter((f) => f.endsWith(".js"))) {
    const path = join(dir, file);
    const code = await readFile(path, "utf8");
    if (code.startsWith(directive)) continue;
    await writeFile(path, directive + code);
    const map = JSON.parse(await readFile(`${path}.map`, "utf8"));
    map.mappings = `;${map.mappings}`;
    await writeFile(`${path}.map`, JSON.stringify(map));
  }
}
