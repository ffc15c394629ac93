/**
 * `@facekit/server` must never end up in a browser bundle, ours included (Vite, Storybook and the
 * demo resolve workspace packages with the `@facekit/source` condition), and must resolve, to
 * its real code, for edge and worker runtimes, whose bundlers also set `browser`. Checked with
 * real bundlers against the real package.json.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import { defaultClientConditions, build as viteBuild } from "vite";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const entries = ["@facekit/server", "@facekit/server/node", "@facekit/server/redis"];
const source = "@facekit/source";
const edgeConditions = ["edge-light", "worker", "workerd"];
/**
 * What edge bundlers set, beside `browser` (esbuild's browser platform, which also applies the
 * package's `browser` field, as they do): each condition alone, Next.js 16's edge build
 * (`edge-light`, `worker`), Cloudflare's (`workerd`, `worker`).
 */
const edgeSets = [
  ...edgeConditions.map((c) => [c]),
  ["edge-light", "worker"],
  ["workerd", "worker"],
];

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

/** The names a bundle exports. */
function exported(bundled: Awaited<ReturnType<typeof bundleWithEsbuild>>): string[] {
  return Object.values(bundled.metafile.outputs).flatMap((output) => output.exports);
}

/** The files a bundle read, or the texts of its errors and their notes. */
function inputsOrNotes(bundling: ReturnType<typeof bundleWithEsbuild>): Promise<string[]> {
  return bundling.then(
    (r) => Object.keys(r.metafile.inputs),
    (error: { errors?: { text: string; notes: { text: string }[] }[] }) =>
      (error.errors ?? []).flatMap((e) => [e.text, ...e.notes.map((n) => n.text)]),
  );
}

describe("@facekit/server exports", () => {
  it("puts browser: null before everything but the edge conditions; ./node has none", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    for (const entry of [".", "./redis"]) {
      expect(Object.keys(pkg.exports[entry]), entry).toEqual([
        ...edgeConditions,
        "browser",
        "default",
      ]);
      expect(pkg.exports[entry].browser, entry).toBeNull();
      // Edge bundlers also apply the `browser` field, which empties the files it lists.
      for (const condition of edgeConditions) {
        for (const target of Object.values<string>(pkg.exports[entry][condition])) {
          expect(pkg.browser[target], `${entry} ${condition} ${target}`).toBeUndefined();
        }
      }
    }
    expect(Object.entries(pkg.exports["./node"])[0]).toEqual(["browser", null]);
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
      const found = await inputsOrNotes(bundleWithEsbuild(specifier, "node", []));
      expect(found.join("\n"), specifier).toContain(file);
    }
  });
  it("resolves to its code for edge runtimes, also where browser is set and the browser field applies", async () => {
    for (const conditions of edgeSets) {
      for (const [specifier, entry, name] of [
        ["@facekit/server", "index", "createFaceKitHandler"],
        ["@facekit/server/redis", "redis", "createRedisStore"],
      ] as const) {
        const label = `${specifier} ${conditions}`;
        const bundled = await bundleWithEsbuild(specifier, "browser", [...conditions, source]);
        expect(Object.keys(bundled.metafile.inputs), label).toContain(
          `packages/server/src/edge/${entry}.ts`,
        );
        expect(exported(bundled), label).toContain(name); // not an empty module
        // Without the source condition: dist/edge (before a build, esbuild's note names the file).
        const fromDist = bundleWithEsbuild(specifier, "browser", conditions);
        expect((await inputsOrNotes(fromDist)).join("\n"), label).toContain(
          `dist/edge/${entry}.js`,
        );
        const built = await fromDist.catch(() => null);
        if (built) expect(exported(built), label).toContain(name);
      }
      await expect(
        bundleWithEsbuild("@facekit/server/node", "browser", [...conditions, source]),
        `./node ${conditions}`,
      ).rejects.toThrow(/Could not resolve/);
    }
  });
});
