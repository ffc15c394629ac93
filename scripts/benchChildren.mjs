/**
 * The child processes of the benchmarks: a role of a benchmark script runs in its own Node
 * process (workspace packages as source) and tells the parent where it listens.
 * @example
 * // in the child:
 * serve(toNodeHandler(handler));
 * // in the parent:
 * const sim = await spawnRole(fileURLToPath(import.meta.url), "--simulator");
 * await fetch(sim.url);
 * await sim.stop();
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Listens on a free loopback port and prints `{"url": ...}` for the parent. */
export function serve(listener) {
  const server = createServer(listener);
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    console.info(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }));
  });
}

/** Spawns `script` in `role`, resolves with the URL it prints, and a stop(). */
export function spawnRole(script, role, env = {}) {
  const child = spawn(
    process.execPath,
    // --expose-gc: a benchmark may collect garbage before it measures (e.g. its memory baseline).
    ["--expose-gc", "--conditions=@facekit/source", "--import", "tsx", script, role],
    { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill();
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${role} did not start:\n${output}`)), 30_000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.stdout.on("data", (d) => {
      output += d;
      const line = output.split("\n").find((l) => l.startsWith('{"url"'));
      if (!line) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners("data").resume();
      resolve({ url: JSON.parse(line).url, stop, output: () => output });
    });
    child.once("exit", (code) => fail(new Error(`${role} exited (${code}):\n${output}`)));
  });
}
