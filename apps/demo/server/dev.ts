/**
 * `npm run demo`: starts the simulated vendors (unless real keys are set), the demo backend and
 * the Vite dev server on one port, then prints the URL to open.
 *
 * Env: `PORT` (app, default 5173); `DEMO_SIM_PORT_BASE` (default 4010): the simulators listen on
 * base (Verisoul API), base+1 (Verisoul hosted app), base+10/+11 (FaceSign API/page), base+20
 * (Didit API), so a second demo (e.g. Playwright's) can run next to `npm run demo`.
 * `DEMO_HMR=false` turns hot reload off (tests: an edit elsewhere must not reload the page).
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { toNodeHandler } from "@facekit/server/node";
import { defaultDiditKey, defaultFaceSignKey, defaultVerisoulKey } from "@facekit/simulator";
import { startSimulators } from "@facekit/simulator/node";
import { createServer as createViteServer } from "vite";
import { createDemoBackend } from "./backend.ts";

const port = Number(process.env.PORT ?? 5173);
const appOrigin = `http://localhost:${port}`;
const simPortBase = Number(process.env.DEMO_SIM_PORT_BASE ?? 4010);
const realVerisoul = process.env.VERISOUL_API_KEY;
const realFaceSign = process.env.FACESIGN_API_KEY;
const realDidit = process.env.DIDIT_API_KEY;
/** Signs the simulator's webhooks; a real FaceSign endpoint has its own (FACESIGN_WEBHOOK_SECRET). */
const simulatorWebhookSecret = randomBytes(24).toString("hex");

/** Stops with a message that says what to do, instead of a stack trace. */
function fail(error: unknown): never {
  const code = (error as { code?: string }).code;
  console.error(
    code === "EADDRINUSE"
      ? `\n  A port the demo needs is taken (${(error as Error).message}).\n  Is the demo already running? Stop the other process and try again (PORT= changes the app port, DEMO_SIM_PORT_BASE= the simulators' ports).\n`
      : error,
  );
  process.exit(1);
}

const simulators =
  realVerisoul && realFaceSign && realDidit
    ? null
    : await startSimulators({
        verisoulApiPort: simPortBase,
        verisoulAppPort: simPortBase + 1,
        facesignApiPort: simPortBase + 10,
        facesignAppPort: simPortBase + 11,
        diditApiPort: simPortBase + 20,
        facesign: {
          webhookUrl: `${appOrigin}/api/facekit/facesign/webhook`,
          webhookSecret: simulatorWebhookSecret,
        },
      }).catch(fail);
const verisoul = realVerisoul
  ? {
      apiKey: realVerisoul,
      environment: (process.env.VERISOUL_ENV === "production" ? "production" : "sandbox") as
        | "sandbox"
        | "production",
    }
  : {
      apiKey: defaultVerisoulKey,
      baseUrl: simulators?.verisoul.apiUrl,
      appBaseUrl: simulators?.verisoul.appUrl,
    };

const facesign = realFaceSign
  ? { apiKey: realFaceSign, webhookSecret: process.env.FACESIGN_WEBHOOK_SECRET }
  : {
      apiKey: defaultFaceSignKey,
      baseUrl: simulators?.facesign.apiUrl,
      webhookSecret: simulatorWebhookSecret,
    };

/** A simulator's control routes (scenario, reset, stats). */
const control = (apiUrl: string | undefined) => apiUrl && `${apiUrl}/__simulator`;

const didit = realDidit
  ? { apiKey: realDidit }
  : { apiKey: defaultDiditKey, baseUrl: simulators?.didit.apiUrl };

const backend = toNodeHandler(
  createDemoBackend({
    appOrigin,
    secret: process.env.FACEKIT_SECRET ?? randomBytes(32).toString("hex"),
    verisoul,
    facesign,
    didit,
    // The Scenarios panel drives only what is simulated.
    simulators: {
      verisoul: realVerisoul ? undefined : control(simulators?.verisoul.apiUrl),
      facesign: realFaceSign ? undefined : control(simulators?.facesign.apiUrl),
      didit: realDidit ? undefined : control(simulators?.didit.apiUrl),
    },
  }),
);

// Requests arrive only once the server listens, below: `vite` exists by then.
const server = createServer((req, res) => {
  if (req.url?.startsWith("/api/")) backend(req, res);
  else vite.middlewares(req, res);
});
// Hot reload over the app's own server, so two demos never fight over Vite's default HMR port.
const vite = await createViteServer({
  configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
  server: { middlewareMode: true, hmr: process.env.DEMO_HMR === "false" ? false : { server } },
  appType: "mpa",
});
server.on("error", fail);
server.listen(port, "localhost", () => {
  console.info(`\n  FaceKit demo: ${appOrigin}/`);
  console.info(
    realVerisoul
      ? "  Verisoul: real API (VERISOUL_API_KEY)"
      : `  Verisoul: simulator (API ${simulators?.verisoul.apiUrl}, hosted app ${simulators?.verisoul.appUrl})`,
  );
  console.info(
    realFaceSign
      ? "  FaceSign: real API (FACESIGN_API_KEY)"
      : `  FaceSign: simulator (API ${simulators?.facesign.apiUrl}, hosted page ${simulators?.facesign.appUrl})`,
  );
  console.info(
    realDidit
      ? "  Didit: real API (DIDIT_API_KEY)"
      : `  Didit: simulator (API ${simulators?.didit.apiUrl})`,
  );
  console.info("  Press Ctrl+C to stop.\n");
});

const stop = async () => {
  server.close();
  await Promise.all([vite.close(), simulators?.close()]);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
