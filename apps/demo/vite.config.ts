import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { sourceResolve } from "../../vite.shared.ts";

const page = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  ...sourceResolve,
  plugins: [react()],
  build: { rollupOptions: { input: { index: page("index"), callback: page("callback") } } },
});
