import { build } from "esbuild";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "locales/en": "src/locales/en.ts",
    "locales/es": "src/locales/es.ts",
    "locales/fr": "src/locales/fr.ts",
  },
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  // The stylesheet is written with native nesting; the published file is flat, for browsers
  // without it (color-mix() still sets the floor: Chrome 111, Safari 16.2, Firefox 113).
  onSuccess: async () => {
    await build({
      entryPoints: ["src/styles.css"],
      outfile: "dist/styles.css",
      bundle: true,
      target: ["chrome111", "safari16.2", "firefox113"],
      logLevel: "warning",
    });
  },
});
