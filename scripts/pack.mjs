/**
 * `npm run pack`: builds the packages and packs every publishable one (`private` not set) with
 * pnpm into `dist-packs/`, under a name without the version (`facekit-react.tgz`), so an app can
 * install FaceKit before it is on npm: `npm install ./dist-packs/facekit-react.tgz`. pnpm writes
 * the real version range in place of each `workspace:` range. The examples install from here.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ensureInstalled, root } from "./bootstrap.mjs";

export const packsDir = `${root}dist-packs`;

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}`);
}

/** Package folders whose package.json is not private, e.g. `["core", "react", "server"]`. */
export function publishablePackages() {
  return readdirSync(`${root}packages`).filter((name) => {
    const manifest = JSON.parse(readFileSync(`${root}packages/${name}/package.json`, "utf8"));
    return manifest.private !== true;
  });
}

/**
 * Builds and packs; returns the tarball paths by package name (`@facekit/react` -> path).
 * `FACEKIT_PACKAGES_BUILT=1` skips the build (`npm test` has just built the packages).
 */
export function pack() {
  const pnpm = `${root}node_modules/.bin/pnpm`;
  if (process.env.FACEKIT_PACKAGES_BUILT !== "1") {
    run(pnpm, ["-r", "--filter", "./packages/*", "build"]);
  }
  rmSync(packsDir, { recursive: true, force: true });
  mkdirSync(packsDir, { recursive: true });
  const tarballs = {};
  for (const name of publishablePackages()) {
    const dir = `${root}packages/${name}`;
    const before = new Set(readdirSync(packsDir));
    run(pnpm, ["pack", "--pack-destination", packsDir], dir);
    const made = readdirSync(packsDir).find((file) => !before.has(file));
    if (!made) throw new Error(`pnpm pack wrote nothing for packages/${name}`);
    const stable = `${packsDir}/facekit-${name}.tgz`;
    renameSync(`${packsDir}/${made}`, stable);
    tarballs[`@facekit/${name}`] = stable;
  }
  return tarballs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureInstalled();
  const tarballs = pack();
  for (const [name, file] of Object.entries(tarballs)) {
    console.info(`${name}: ${file.slice(root.length)}`);
  }
}
