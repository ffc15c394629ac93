#!/usr/bin/env node
/**
 * "Real vendor" checks, run by a developer with their own sandbox keys, never in CI:
 *   FACESIGN_API_KEY=sk_test_... npm run check:vendors            # every vendor whose key is set
 *   FACESIGN_API_KEY=sk_test_... npm run check:vendors -- facesign # only these
 * Each file in scripts/vendor-checks/ exports `{ vendor, env, run(key) }`: one call per route
 * against the vendor's sandbox, asserting the shapes FaceKit depends on (through FaceKit's own
 * clients). A vendor whose key is not set is skipped with a message saying how to run it.
 * Runs TypeScript sources: `node --conditions=@facekit/source --import tsx` (see package.json).
 */
import { readdir } from "node:fs/promises";

const out = (line) => process.stdout.write(`${line}\n`);

if (process.env.CI) {
  out("check:vendors: skipped (CI is set): these checks call the real vendors with your own keys.");
  process.exit(0);
}
const only = process.argv.slice(2);
const folder = new URL("./vendor-checks/", import.meta.url);
const files = (await readdir(folder)).filter((f) => f.endsWith(".mjs")).sort();
let failed = 0;
for (const file of files) {
  const check = await import(new URL(file, folder).href);
  const { vendor, env, run } = check;
  if (only.length > 0 && !only.includes(file.replace(/\.mjs$/, ""))) continue;
  const key = process.env[env];
  if (!key) {
    out(`- ${vendor}: skipped (set ${env} to your sandbox key to run it)`);
    continue;
  }
  try {
    const lines = await run(key);
    out(`✓ ${vendor}`);
    for (const line of lines) out(`    ${line}`);
  } catch (error) {
    failed += 1;
    console.error(`✗ ${vendor}: ${error instanceof Error ? error.message : String(error)}`);
    if (error?.cause) console.error("    cause:", error.cause);
  }
}
process.exit(failed > 0 ? 1 : 0);
