/**
 * `@facekit/server` must never end up in a browser bundle, ours included (Vite, Storybook and the
 * demo resolve workspace packages with the `@facekit/source` condition). Checked with real
 * bundlers against the real package.json.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import { defaultClientConditions, build as viteBuild } from "vite";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const entries = ["@facekit/server", "@facekit/server/node", "@facekit/server/redis"];
const source = "@facekit/source";

function bundleWithEsbuild(specifier: string, platform: "browser" | "node", conditions: string[]) {
  return esbuild({
    stdin: { contents: `export * from "${specifier}";`, resolveDir: root },
    bundle: true,
    write: false,
    format: "esm",
    platform,
    conditions,
    logLevel: "silent",
    metafile: true,
    external: ["jose", "valibot", "@hono/node-server", "@facekit/core/protocol"],
  });
}

describe("@facekit/server exports", () => {
  it("puts browser: null first in every entry", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    for (const entry of [".", "./node", "./redis"]) {
      expect(Object.entries(pkg.exports[entry])[0], entry).toEqual(["browser", null]);
    }
  });

  it("cannot be resolved by esbuild for the browser, with or without the source condition", async () => {
    for (const specifier of entries) {
      for (const conditions of [[source], []]) {
        await expect(
          bundleWithEsbuild(specifier, "browser", conditions),
          `${specifier} ${conditions}`,
        ).rejects.toThrow(/Could not resolve/);
      }
    }
  });

  it("puts no server code in a Vite client bundle (Vite maps it to an empty module)", async () => {
    for (const specifier of entries) {
      const output = await viteBuild({
        root,
        configFile: false,
        logLevel: "silent",
        resolve: { conditions: [source, ...defaultClientConditions] },
        plugins: [
          {
            name: "entry",
            resolveId: (id) => (id === "entry" ? "\0entry" : null),
            load: (id) =>
              id === "\0entry" ? `import * as all from "${specifier}"; console.log(all);` : null,
          },
        ],
        build: { write: false, rollupOptions: { input: "entry" } },
      });
      const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
        "output" in o ? o.output : [],
      );
      const modules = chunks.flatMap((c) => ("modules" in c ? Object.keys(c.modules) : []));
      expect(modules, specifier).toContain("__vite-browser-external");
      expect(
        modules.filter((m) => m.includes("packages/server/")),
        specifier,
      ).toEqual([]);
    }
  });

  it("resolves for Node: to the source with the source condition, else to dist", async () => {
    const bundled = await bundleWithEsbuild("@facekit/server", "node", [source]);
    expect(Object.keys(bundled.metafile.inputs)).toContain("packages/server/src/index.ts");
    // Without the condition: dist. Before a build it is missing and esbuild's note names the file.
    for (const [specifier, file] of [
      ["@facekit/server", "dist/index.js"],
      ["@facekit/server/node", "dist/node.js"],
      ["@facekit/server/redis", "dist/redis.js"],
    ] as const) {
      const found = await bundleWithEsbuild(specifier, "node", []).then(
        (r) => Object.keys(r.metafile.inputs),
        (error: { errors?: { text: string; notes: { text: string }[] }[] }) =>
          (error.errors ?? []).flatMap((e) => [e.text, ...e.notes.map((n) => n.text)]),
      );
      expect(found.join("\n"), specifier).toContain(file);
    }
  });
});
