/**
 * A plain static file server for the built Storybook (`storybook-static/`), as a designer's
 * hosting would be: files only, no API. `node e2e-static/serveStatic.ts [dir] [port]`.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "storybook-static");
const port = Number(process.argv[3] ?? 6106);
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
};

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) return res.writeHead(403).end();
  const found = await stat(file).catch(() => null);
  if (found?.isDirectory()) file = join(file, "index.html");
  else if (!found) return res.writeHead(404).end("Not found");
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file)
    .on("error", () => res.end())
    .pipe(res);
}).listen(port, "127.0.0.1", () => console.info(`storybook-static on http://localhost:${port}`));
