/**
 * `node scripts/check-snippets.mjs`: every ```ts / ```tsx block of README.md and the packages'
 * READMEs compiles as pasted, against FaceKit as a user installs it: the packed tarballs
 * (`npm run pack` first), installed in examples/vite-express. A block whose first line is a
 * comment naming `examples/<path>` or `packages/<path>` files must be each of them, word for
 * word (the examples are built and walked in a browser by `npm run test:examples`; a package's
 * file is a test the suite runs).
 * Every other block is typechecked with tsc, each as its own module, with the names READMEs
 * leave to the reader (`currentUser`, `db`...) declared in `examples/snippets/globals.d.ts`.
 * A block whose info string says `nocheck` (```ts nocheck) is skipped: use it only for a block that needs a
 * package FaceKit does not install (e.g. a Redis client), and say so beside it.
 * Prints `N passed, N failed` (one per block; also as JSON to `SNIPPETS_JSON_OUTPUT_NAME` when
 * set) and exits non-zero on a failure.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";
import { root } from "./bootstrap.mjs";
import { installExample } from "./installExample.mjs";

const readmes = [
  "README.md",
  ...readdirSync(`${root}packages`)
    .map((name) => `packages/${name}/README.md`)
    .filter((file) => existsSync(`${root}${file}`)),
];
// Inside the example's node_modules: imports resolve there, and no linter or git looks at it.
const project = `${root}examples/vite-express/node_modules/.facekit-snippets`;

/** The ```ts/```tsx blocks of a markdown file, with the line each starts on. */
function blocks(file) {
  const lines = readFileSync(`${root}${file}`, "utf8").split("\n");
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(tsx?)(.*)$/.exec(lines[i] ?? "");
    if (!open) continue;
    const end = lines.indexOf("```", i + 1);
    const info = open[2] ?? "";
    found.push({
      file,
      line: i + 1,
      lang: open[1],
      skip: /\bnocheck\b/.test(info),
      body: lines.slice(i + 1, end),
    });
    i = end;
  }
  return found;
}

const all = readmes.flatMap(blocks);
/** Problems, and the blocks (`file:line`) that have one. */
const failures = [];
const failed = new Set();
let passed = 0;

// Blocks that are an example's file or a test's (both run elsewhere): compared, not compiled here.
const typed = [];
for (const block of all) {
  if (block.skip) continue;
  const first = block.body[0] ?? "";
  const paths = first.startsWith("// ")
    ? (first.match(/(?:examples|packages)\/[\w./[\]-]+\w/g) ?? [])
    : [];
  if (paths.length === 0) {
    typed.push(block);
    continue;
  }
  const text = `${block.body.slice(1).join("\n")}\n`;
  const different = paths.filter(
    (path) => !existsSync(`${root}${path}`) || readFileSync(`${root}${path}`, "utf8") !== text,
  );
  if (different.length === 0) passed++;
  else {
    failures.push(`${block.file}:${block.line}: not the same as ${different.join(", ")}`);
    failed.add(`${block.file}:${block.line}`);
  }
}

if (!existsSync(`${root}dist-packs/facekit-server.tgz`)) {
  console.error("[snippets] No packed packages: run `npm run pack` first.");
  process.exit(1);
}
installExample(`${root}examples/vite-express`); // skipped while nothing changed
rmSync(project, { recursive: true, force: true });
mkdirSync(project, { recursive: true });
copyFileSync(`${root}examples/snippets/globals.d.ts`, `${project}/globals.d.ts`);
const names = typed.map((block) => {
  // A block headed `// app/verify/page.tsx` is written there, so blocks may import each other.
  const path = /^\/\/ ([\w./[\]-]+\.tsx?)\b/.exec(block.body[0] ?? "")?.[1];
  const name = `${block.file.replace(/\W+/g, "_")}/${path ?? `block_${block.line}.${block.lang}`}`;
  mkdirSync(dirname(`${project}/${name}`), { recursive: true });
  // `export {}` makes each block a module: top-level names never clash between blocks.
  writeFileSync(`${project}/${name}`, `${block.body.join("\n")}\nexport {};\n`);
  return { name, block };
});
writeFileSync(
  `${project}/tsconfig.json`,
  JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      lib: ["dom", "dom.iterable", "esnext"],
      types: ["node"],
      module: "esnext",
      moduleResolution: "bundler",
      jsx: "react-jsx",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ["**/*.ts", "**/*.tsx"],
  }),
);
const tsc = spawnSync(
  process.execPath,
  [
    `${root}examples/vite-express/node_modules/typescript/bin/tsc`,
    "-p",
    project,
    "--pretty",
    "false",
  ],
  { cwd: project, encoding: "utf8" },
);
const errors = `${tsc.stdout}${tsc.stderr}`;
for (const { name, block } of names) {
  const own = errors.split("\n").filter((line) => line.startsWith(`${name}(`));
  if (own.length === 0) passed++;
  else {
    // tsc's line numbers are the block's; add the fence's line to find it in the README.
    const where = own.map((line) =>
      line.replace(
        /^[^(]+\((\d+),(\d+)\)/,
        (_, l, c) => `${block.file}:${block.line + Number(l)}:${c}`,
      ),
    );
    failures.push(...where);
    failed.add(`${block.file}:${block.line}`);
  }
}
if (tsc.status !== 0 && failed.size === 0) {
  failures.push(errors);
  failed.add("tsc");
}

for (const failure of failures) console.error(failure);
console.info(`${passed} passed, ${failed.size} failed`);
// For scripts/test.mjs, which counts a step's tests from a JSON report (Vitest's two fields).
const report = process.env.SNIPPETS_JSON_OUTPUT_NAME;
if (report) {
  writeFileSync(report, JSON.stringify({ numPassedTests: passed, numFailedTests: failed.size }));
}
process.exit(failed.size > 0 ? 1 : 0);
