/**
 * Makes Storybook's stories live: starts the simulated vendors on free ports and mounts a FaceKit
 * backend (built with @facekit/server, as a customer would) on Storybook's own dev server at
 * /api/facekit, plus the callback page the hosted flow returns to. Used by `storybook dev` and by
 * the story tests (Vitest browser mode runs the same Vite config).
 */
import { createFaceKitHandler } from "@facekit/server";
import { toNodeHandler } from "@facekit/server/node";
import { defaultVerisoulKey } from "@facekit/simulator";
import { startSimulators } from "@facekit/simulator/node";
import type { Plugin } from "vite";

/** Where a story finds the simulators (GET, JSON). */
export const storyConfigPath = "/__facekit-story/config";

const callbackHtml = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>FaceKit callback</title></head>
<body><p>Finishing verification…</p><script type="module" src="/.storybook/storyCallback.ts"></script></body></html>`;

export function facekitStoryBackend(): Plugin {
  return {
    name: "facekit-story-backend",
    apply: "serve",
    async configureServer(server) {
      const simulators = await startSimulators({ verisoulApiPort: 0, verisoulAppPort: 0 });
      server.httpServer?.once("close", () => void simulators.close());
      let handler: ReturnType<typeof toNodeHandler> | undefined;
      const backend = (origin: string) => {
        handler ??= toNodeHandler(
          createFaceKitHandler({
            secret: "storybook-only-secret-at-least-32-characters",
            authorize: () => ({ accountId: "storybook-designer" }),
            verisoul: {
              apiKey: defaultVerisoulKey,
              apiBaseUrl: simulators.verisoul.apiUrl,
              appBaseUrl: simulators.verisoul.appUrl,
              redirectUrl: `${origin}/__facekit-story/callback.html`,
            },
          }),
        );
        return handler;
      };
      server.middlewares.use(async (req, res, next) => {
        const origin = `http://${req.headers.host}`;
        if (req.url?.startsWith("/api/facekit/")) return backend(origin)(req, res, next);
        if (req.url === storyConfigPath) {
          res.setHeader("content-type", "application/json");
          const { apiUrl, appUrl } = simulators.verisoul;
          return res.end(JSON.stringify({ verisoul: { apiUrl, appUrl } }));
        }
        if (req.url?.startsWith("/__facekit-story/callback.html")) {
          res.setHeader("content-type", "text/html");
          return res.end(await server.transformIndexHtml(req.url, callbackHtml));
        }
        next();
      });
    },
  };
}
