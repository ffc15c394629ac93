import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";

/** A fetch-style handler served over HTTP by {@link listen}. */
export type FetchHandler = (req: Request) => Promise<Response>;

/** A listening server. */
export interface Listening {
  /** `http://host:port`, with the real port and no trailing slash. */
  url: string;
  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void>;
}

/** `0.0.0.0`/`::` are bind addresses, not something a browser can be sent to. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Serves a Web-standard handler on a real Node HTTP server. Port 0 picks a free port.
 * @example
 * const api = await listen(simulator.api, "127.0.0.1", 0);
 * await fetch(`${api.url}/liveness/session`); await api.close();
 */
export function listen(handler: FetchHandler, host: string, port: number): Promise<Listening> {
  // overrideGlobalObjects: false keeps the process's own Request/Response (tests share them).
  const server = createServer(getRequestListener(handler, { overrideGlobalObjects: false }));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const { port: realPort } = server.address() as AddressInfo;
      resolve({
        url: `http://${urlHost(host)}:${realPort}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
