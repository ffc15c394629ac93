/**
 * `npm run demo`: installs dependencies if needed, then starts the demo app with the simulated
 * vendors (real ones for each vendor whose API key is set in the environment).
 */
import { spawn } from "node:child_process";
import { ensureInstalled, root } from "./bootstrap.mjs";

ensureInstalled();
const child = spawn(
  process.execPath,
  ["--conditions=@facekit/source", "--import", "tsx", "apps/demo/server/dev.ts"],
  { cwd: root, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
