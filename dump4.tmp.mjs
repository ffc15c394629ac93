import { build } from "esbuild";
import { writeFileSync } from "node:fs";
for (const [name, cond] of [["dist", []], ["src", ["@facekit/source"]]]) {
  const out = await build({
    stdin: { contents: 'export { FaceMatchButton } from "@facekit/react";', resolveDir: process.cwd(), loader: "ts" },
    bundle: true, minify: false, format: "esm", write: false, conditions: cond, platform: "browser", treeShaking: true,
    external: ["react", "react-dom", "react/jsx-runtime", "@tanstack/react-query"],
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [{ name: "l", setup(b) { b.onResolve({ filter: /.*/ }, (a) => a.kind === "dynamic-import" ? { path: a.path, external: true } : undefined); } }],
  });
  writeFileSync(`/tmp/fm-${name}.js`, out.outputFiles[0].text);
}
