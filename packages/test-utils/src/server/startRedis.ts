import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "./freePort.ts";

/**
 * A throwaway `redis-server` of one test file (see {@link startRedis}).
 * @example
 * const redis: TestRedis = await startRedis();
 * const client = await createClient({ url: redis.url }).connect();
 */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (nothing is saved), e.g. after `stop()`. */
  restart(): Promise<void>;
}

const missing =
  "redis-server is not installed, and the Redis tests need it. Run `npm test` (as root on Debian it " +
  "installs it), or install it yourself: `sudo apt-get install redis-server`.";

/** Spawns redis-server on `port` and resolves once it accepts connections. */
function spawnRedis(port: number): Promise<ChildProcess> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child = spawn("redis-server", [...args, "--daemonize", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`redis-server did not start:\n${output}`)), 5000);
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    }
    child.once("error", (error: NodeJS.ErrnoException) =>
      fail(error.code === "ENOENT" ? new Error(missing) : error),
    );
    child.once("exit", (code) => fail(new Error(`redis-server exited (${code}):\n${output}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      if (!output.includes("Ready to accept connections")) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout?.removeAllListeners("data").resume();
      resolve(child);
    });
  });
}

/**
 * Starts Debian's `redis-server` on a free port, with nothing saved to disk, for one test file; it
 * is never the system service. Fails (never skips) with a message naming the fix when
 * `redis-server` is missing. Stop it in `afterAll`; it is also killed when the test process exits.
 * @example
 * import { startRedis } from "@facekit/test-utils/server";
 * let redis: TestRedis;
 * beforeAll(async () => { redis = await startRedis() });
 * afterAll(() => redis.stop());
 */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined = await spawnRedis(port);
  const kill = () => child?.kill("SIGKILL");
  process.once("exit", kill);

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await stop();
      process.off("exit", kill);
    },
    async restart() {
      await stop();
      child = await spawnRedis(port);
      process.off("exit", kill);
      process.once("exit", kill);
    },
  };
}
