import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as server from "./index.ts";

const srcDir = dirname(fileURLToPath(import.meta.url));

/** Every module specifier imported (statically or dynamically) by the files reachable from `entry`. */
function importGraph(entry: string): { files: string[]; bare: Set<string>; code: string[] } {
  const files: string[] = [];
  const code: string[] = [];
  const bare = new Set<string>();
  const queue = [resolve(srcDir, entry)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    // Comments (JSDoc examples) import the public package names; only code counts.
    const source = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    code.push(source);
    for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)"([^"]+)"/g)) {
      const specifier = match[1] as string;
      if (specifier.startsWith(".")) queue.push(resolve(dirname(file), specifier));
      else bare.add(specifier);
    }
  }
  return { files, bare, code };
}

/** No Node globals in the code (strings and comments left out). */
function expectWebStandard(code: string[]): void {
  for (const source of code) {
    const withoutStrings = source.replace(/(["'`])(?:(?!\1)[^\\\n]|\\.)*\1/g, '""');
    expect(withoutStrings).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
  }
}

describe("package entry points", () => {
  it("keeps index.ts Web-standard: no node:* and only the allowed dependencies", () => {
    const { files, bare, code } = importGraph("index.ts");
    expect(files.length).toBeGreaterThan(5);
    expect([...bare].sort()).toEqual([
      "@facekit/core/protocol",
      "@remix-run/multipart-parser",
      "image-size",
      "jose",
      "valibot",
    ]);
    for (const file of files) {
      expect(file, "test helpers must not leak into the entry").not.toMatch(/Harness|\.test\.ts$/);
    }
    expectWebStandard(code);
  });

  it("uses image-size's buffer API only: its ESM entry imports nothing, no node:* either", () => {
    const seen: string[] = [];
    const queue = [fileURLToPath(import.meta.resolve("image-size"))];
    const code: string[] = [];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (seen.includes(file)) continue;
      seen.push(file);
      const source = readFileSync(file, "utf8");
      code.push(source);
      for (const match of source.matchAll(
        /(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g,
      )) {
        const specifier = match[1] as string;
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\./);
        queue.push(resolve(dirname(file), specifier));
      }
    }
    expect(seen.some((file) => file.endsWith("fromFile.js"))).toBe(false);
    expectWebStandard(code);
  });

  it("keeps node.ts a thin adapter over the Web-standard handler", () => {
    const { bare } = importGraph("node.ts");
    expect([...bare].sort()).toEqual(["@facekit/core/protocol", "@hono/node-server", "node:http"]);
  });

  it("exports exactly the documented runtime API", () => {
    expect(Object.keys(server).sort()).toEqual([
      "createDiditClient",
      "createFaceKitHandler",
      "createFaceSignClient",
      "createMemoryStore",
      "createVerisoulClient",
      "faceSignApiVersion",
    ]);
  });

  it("keeps redis.ts Web-standard and free of any Redis client (the app brings its own)", async () => {
    const { bare, code } = importGraph("redis.ts");
    expect([...bare].sort()).toEqual(["@facekit/core/protocol"]);
    expectWebStandard(code);
    expect(Object.keys(await import("./redis.ts"))).toEqual(["createRedisStore"]);
  });
});
