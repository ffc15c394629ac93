/**
 * Serves e2e/app-csp under `/csp/` with a strict Content-Security-Policy. The Vite dev server
 * injects inline scripts and styles, so the page is built once (Vite's `build()`, on the first
 * request) and served as files: whatever the components need beyond `'self'` shows up as a
 * `securitypolicyviolation` in e2e/csp.spec.ts.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { sourceResolve } from "../../vite.shared.ts";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
};

/** The policy: same origin only, plus blob: previews and workers, and FaceSign's hosted page. */
function cspFor(frameOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    `frame-src ${frameOrigin}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
}

async function buildPage(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "facekit-csp-"));
  await build({
    root: fileURLToPath(new URL(".", import.meta.url)),
    base: "/csp/",
    ...sourceResolve,
    configFile: false,
    // A production build, though the harness's dev server has set NODE_ENV=development.
    mode: "production",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    oxc: { jsx: { runtime: "automatic", development: false } },
    logLevel: "error", // not the "use client" notes of dependencies
    // The polyfill is not reachable under the source conditions, and Chromium needs none.
    build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } },
  });
  return outDir;
}

/** The `/csp/` route; `frameOrigin` is the FaceSign simulator app's origin (frame-src). */
export function createCspPage(frameOrigin: string) {
  const policy = cspFor(frameOrigin);
  let built: Promise<string> | undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      built ??= buildPage();
      const outDir = await built;
      const path = new URL(req.url ?? "/", "http://x").pathname.slice("/csp/".length);
      const file = normalize(join(outDir, path || "index.html"));
      if (!file.startsWith(join(outDir, "/"))) throw new Error("outside the page");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "content-security-policy": policy,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      res.end(body);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      if (!missing) built = undefined; // a failed build is tried again on the next request
      res.writeHead(missing ? 404 : 500, { "content-type": "text/plain" });
      res.end(missing ? "not found" : String(error));
    }
  };
}
