/**
 * Makes Storybook's stories live: starts the simulated vendors on free ports and mounts a FaceKit
 * backend (built with @facekit/server, as a customer would) on Storybook's own dev server at
 * /api/facekit, plus the callback page the hosted flow returns to. Used by `storybook dev` and by
 * the story tests (Vitest browser mode runs the same Vite config). The workspace packages are
 * loaded through Vite's SSR loader so they resolve to source with no build. FaceSign's simulator
 * sends its signed status webhooks back to this backend (the origin of the first request).
 *
 * Besides the live backend at /api/facekit, variants let stories show what a real deployment
 * meets: /api/facekit-signed-out (nobody signed in: `authorize` refuses), /api/facekit-login
 * (1:1 authentication of an account with no enrolled face), /api/facekit-bad-key (vendor keys
 * the simulators refuse) and /api/facekit-offline (the connection drops, as when the backend
 * cannot be reached).
 */

import { readFile } from "node:fs/promises";
import type * as FaceKitServerPackage from "@facekit/server";
import type * as FaceKitNode from "@facekit/server/node";
import type * as SimulatorNode from "@facekit/simulator/node";
import type { Plugin, ViteDevServer } from "vite";
import type * as StoryBackendConfig from "./storyBackendConfig.ts";
import type { StoryVariant as Variant } from "./storyBackendConfig.ts";
import {
  storyBackendPath as backendPath,
  storyCallbackPath as callbackPath,
  storyConfigPath,
  storyPhotoPath,
  storyWebhookSecret as webhookSecret,
} from "./storyPaths.ts";

const loopbackHost = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

const callbackHtml = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>FaceKit callback</title></head>
<body><p>Finishing verification…</p><script type="module" src="/.storybook/storyCallback.ts"></script></body></html>`;

async function startBackend(server: ViteDevServer, firstOrigin: string) {
  const load = <T>(id: string) => server.ssrLoadModule(id) as Promise<T>;
  const { createFaceKitHandler } = await load<typeof FaceKitServerPackage>("@facekit/server");
  const { toNodeHandler } = await load<typeof FaceKitNode>("@facekit/server/node");
  const { storyBackendConfig } = await load<typeof StoryBackendConfig>(
    "/.storybook/storyBackendConfig.ts",
  );
  const { startSimulators } = await load<typeof SimulatorNode>("@facekit/simulator/node");
  const simulators = await startSimulators({
    verisoulApiPort: 0,
    verisoulAppPort: 0,
    facesign: { webhookUrl: `${firstOrigin}/api/facekit/facesign/webhook`, webhookSecret },
  });
  server.httpServer?.once("close", () => void simulators.close());
  const handlers = new Map<string, ReturnType<typeof toNodeHandler>>();
  return {
    simulators,
    /** One handler per origin Storybook is served from (the callback page lives there) and variant. */
    handler(origin: string, variant: Variant) {
      let handler = handlers.get(origin + variant);
      if (!handler) {
        handler = toNodeHandler(
          createFaceKitHandler(storyBackendConfig(origin, variant, simulators)),
        );
        handlers.set(origin + variant, handler);
      }
      return handler;
    },
  };
}

export function facekitStoryBackend(): Plugin {
  return {
    name: "facekit-story-backend",
    apply: "serve",
    configureServer(server) {
      let started: ReturnType<typeof startBackend> | undefined;
      server.middlewares.use(async (req, res, next) => {
        const url = req.url ?? "";
        const backend = backendPath.exec(url);
        if (!backend && !url.startsWith("/__facekit-story/")) return next();
        // The callback URL is built from Host: only loopback hosts, never a name a request chooses.
        const host = req.headers.host ?? "";
        if (!loopbackHost.test(host)) {
          res.statusCode = 403;
          return res.end("Storybook's FaceKit backend answers on localhost only.");
        }
        if (backend?.[1] === "-offline") return req.socket.destroy();
        started ??= startBackend(server, `http://${host}`);
        const { simulators, handler } = await started;
        if (backend)
          return handler(`http://${host}`, (backend[1] ?? "") as Variant)(req, res, next);
        if (url === storyConfigPath) {
          const { verisoul, facesign, didit } = simulators;
          res.setHeader("content-type", "application/json");
          return res.end(
            JSON.stringify({
              verisoul: { apiUrl: verisoul.apiUrl, appUrl: verisoul.appUrl },
              facesign: { apiUrl: facesign.apiUrl, appUrl: facesign.appUrl },
              didit: { apiUrl: didit.apiUrl },
            }),
          );
        }
        const photo = storyPhotoPath.exec(url);
        if (photo?.[1]) {
          // The simulator's test photos, for live selfie-compare stories.
          const node = (await server.ssrLoadModule(
            "@facekit/simulator/node",
          )) as typeof SimulatorNode;
          const path = node.diditFixturePaths()[photo[1] as "personA"];
          res.setHeader("content-type", path.endsWith(".png") ? "image/png" : "image/jpeg");
          return res.end(await readFile(path));
        }
        if (url.startsWith(callbackPath)) {
          res.setHeader("content-type", "text/html");
          return res.end(await server.transformIndexHtml(url, callbackHtml));
        }
        next();
      });
    },
  };
}
