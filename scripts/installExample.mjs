/**
 * Installs an example app (examples/<name>) the way a user installs FaceKit before it is on npm:
 * `npm install` of its package.json, whose FaceKit entries point at the packed tarballs, with no
 * lockfile (a tarball's integrity changes with every pack). Skipped while the package.json and
 * the tarballs are byte for byte the ones of the last install.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

/** The example's package.json and the tarballs it installs (`file:` dependencies), hashed. */
function fingerprint(dir) {
  const manifest = `${dir}/package.json`;
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(manifest, "utf8"));
  const tarballs = Object.values({ ...dependencies, ...devDependencies })
    .filter((spec) => spec.startsWith("file:"))
    .map((spec) => resolve(dir, spec.slice("file:".length)));
  const hash = createHash("sha256");
  for (const file of [manifest, ...tarballs.toSorted()]) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** Installs `dir`'s dependencies unless they are already those of its package.json and tarballs. */
export function installExample(dir) {
  const stamp = `${dir}/node_modules/.facekit-install`;
  const wanted = fingerprint(dir);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) {
    console.info(`[examples] ${dir}: dependencies unchanged, install skipped`);
    return;
  }
  // Same file names, new contents: npm would keep the old copies without this.
  rmSync(`${dir}/node_modules/@facekit`, { recursive: true, force: true });
  console.info(`[examples] ${dir}: npm install`);
  const result = spawnSync(
    "npm",
    ["install", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error"],
    { cwd: dir, stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error(`npm install failed in ${dir}`);
  writeFileSync(stamp, wanted);
}
