/**
 * Makes a fresh clone runnable with nothing but Node 20 and npm: installs the workspace with the
 * pinned pnpm (through npx, never a global pnpm) when node_modules is missing or stale, and, for
 * browser tests, installs Debian's Chromium when it is missing and we can; likewise Debian's
 * redis-server for the Redis store's tests (they start their own server on a free port).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const pnpmVersion = "10.34.9";
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  return result.status === 0;
}

/** Installs dependencies when the lockfile is newer than the last install. */
export function ensureInstalled() {
  const marker = `${root}node_modules/.modules.yaml`;
  const lock = `${root}pnpm-lock.yaml`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.info(`[facekit] installing dependencies with pnpm ${pnpmVersion}…`);
  const ok = run("npx", ["-y", `pnpm@${pnpmVersion}`, "install", "--frozen-lockfile"], {
    env: { ...process.env, npm_config_yes: "true" },
  });
  if (!ok) {
    console.error("[facekit] dependency install failed (see above).");
    process.exit(1);
  }
}

/** Makes sure Chromium is there for browser tests; installs Debian's package as root. */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.info("[facekit] Chromium is missing: installing Debian's chromium package…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    run("apt-get", ["update", "-qq"], { env });
    run("apt-get", ["install", "-y", "-qq", "chromium"], { env });
    if (existsSync(chromiumPath)) return;
  }
  console.error(
    `[facekit] Browser tests need Chromium at ${chromiumPath}.\n` +
      "Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
  process.exit(1);
}

/** True when `command` is on PATH. */
function onPath(command) {
  const dirs = (process.env.PATH ?? "").split(delimiter);
  return dirs.some((dir) => dir !== "" && existsSync(join(dir, command)));
}

/** Makes sure `redis-server` is on PATH for the Redis store's tests; installs Debian's as root. */
export function ensureRedis() {
  if (onPath("redis-server")) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.info("[facekit] redis-server is missing: installing Debian's redis-server package…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    run("apt-get", ["update", "-qq"], { env });
    run("apt-get", ["install", "-y", "-qq", "redis-server"], { env });
    if (onPath("redis-server")) return;
  }
  console.error(
    "[facekit] The Redis store's tests need redis-server on PATH (they start their own, on a free port).\n" +
      "Install it with `sudo apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS).",
  );
  process.exit(1);
}

// `node scripts/bootstrap.mjs` (the npm `pre*` scripts): just make sure dependencies are installed.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureInstalled();
