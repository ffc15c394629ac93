import { createServer } from "node:net";

/**
 * A TCP port free on the loopback right now (the OS picks it), for a server a test starts.
 * @example
 * const port = await freePort();
 * spawn("redis-server", ["--port", String(port)]);
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
