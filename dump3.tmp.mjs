import { build } from "esbuild";
import { gzipSync } from "node:zlib";
for (const code of ['export { SelfieCompareUploader } from "@facekit/react";', 'export { FaceMatchButton } from "@facekit/react";', 'export { FaceKitProvider } from "@facekit/react";','export { FaceSignEmbed } from "@facekit/react";']) {
for (const cond of [[], ["@facekit/source"]]) {
  const out = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: "ts" },
    bundle: true, minify: true, format: "esm", write: false, conditions: cond, platform: "browser",
    external: ["react", "react-dom", "react/jsx-runtime", "@tanstack/react-query"],
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [{ name: "l", setup(b) { b.onResolve({ filter: /.*/ }, (a) => a.kind === "dynamic-import" ? { path: a.path, external: true } : undefined); } }],
  });
  console.log(code, cond, gzipSync(out.outputFiles[0].text).length);
}}
