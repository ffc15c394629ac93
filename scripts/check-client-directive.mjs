/**
 * After the build: every JavaScript file of @facekit/react starts with the `"use client"`
 * directive, so a React Server Component (Next.js App Router) can import the components, and a
 * locale catalogue (it holds functions) can be passed to them as a prop. Checks every file in
 * dist, the shared chunks included, and that every entry of the exports map is one of them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./bootstrap.mjs";

const pkg = `${root}packages/react/`;
const dist = `${pkg}dist`;
const directive = /^["']use client["'];?\r?\n/;

const files = readdirSync(dist, { recursive: true }).filter((f) => f.endsWith(".js"));
const missing = files.filter((f) => !directive.test(readFileSync(join(dist, f), "utf8")));

const { exports } = JSON.parse(readFileSync(`${pkg}package.json`, "utf8"));
const unchecked = Object.values(exports)
  .map((entry) => (typeof entry === "string" ? entry : entry.default))
  .filter((target) => target.endsWith(".js"))
  .map((target) => target.replace(/^\.\/dist\//, ""))
  .filter((target) => !files.includes(target));

for (const file of files) {
  console.info(`${missing.includes(file) ? "FAIL" : "ok  "} dist/${file}`);
}
if (files.length === 0 || missing.length > 0 || unchecked.length > 0) {
  if (files.length === 0) console.error("No built files: run `npm run build` first.");
  for (const file of missing) {
    console.error(`dist/${file} does not start with "use client" (see tsup.config.ts).`);
  }
  for (const target of unchecked) console.error(`exports names ${target}, which is not built.`);
  process.exit(1);
}
