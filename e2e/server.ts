/**
 * Test server for the Playwright suite: the simulators on their own origins, a backend built with
 * @facekit/server exactly as a customer would mount it, and a Vite-served harness page whose
 * options come from its query string. Cookies choose the account and the 1:1/enrol mode.
 */
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { createFaceKitHandler } from "@facekit/server";
import { toNodeHandler } from "@facekit/server/node";
import {
  defaultDiditKey,
  defaultDiditSandboxKey,
  defaultFaceSignKey,
  defaultVerisoulKey,
  sampleFaceSignFlow,
} from "@facekit/simulator";
import { startSimulators } from "@facekit/simulator/node";
import { createServer as createViteServer } from "vite";
import { sourceResolve } from "../vite.shared.ts";
import { createCspPage } from "./app-csp/serve.ts";
import { e2ePorts, facesignWebhookSecret } from "./ports.ts";

const appOrigin = `http://localhost:${e2ePorts.app}`;
const simulators = await startSimulators({
  verisoulApiPort: e2ePorts.verisoulApi,
  verisoulAppPort: e2ePorts.verisoulApp,
  facesignApiPort: e2ePorts.facesignApi,
  facesignAppPort: e2ePorts.facesignApp,
  diditApiPort: e2ePorts.diditApi,
  facesign: {
    webhookUrl: `${appOrigin}/api/facekit/facesign/webhook`,
    webhookSecret: facesignWebhookSecret,
  },
});

/** What the backend learned through onResult, per account: the source of truth for decisions. */
const verdicts = new Map<string, unknown[]>();

const cookie = (request: Request, name: string) =>
  request.headers.get("cookie")?.match(new RegExp(`(?:^|;\\s*)${name}=([\\w-]+)`))?.[1];

const facekit = toNodeHandler(
  createFaceKitHandler({
    secret: "e2e-secret-that-is-at-least-32-characters-long",
    authorize: (request) => {
      const accountId = cookie(request, "account");
      if (!accountId) return null;
      const mode = cookie(request, "fm");
      return {
        accountId,
        verisoul: { enroll: mode === "enroll", authenticate: mode === "authenticate" },
      };
    },
    didit: {
      apiKey: defaultDiditKey,
      baseUrl: simulators.didit.apiUrl,
      onResult: ({ accountId, result }) => {
        verdicts.set(accountId, [...(verdicts.get(accountId) ?? []), result]);
      },
    },
    facesign: {
      apiKey: defaultFaceSignKey,
      baseUrl: simulators.facesign.apiUrl,
      webhookSecret: facesignWebhookSecret,
      // The flow is the server's choice, never the browser's.
      session: {
        langs: ["en", "fr"],
        flow: sampleFaceSignFlow,
      },
    },
    verisoul: {
      apiKey: defaultVerisoulKey,
      baseUrl: simulators.verisoul.apiUrl,
      appBaseUrl: simulators.verisoul.appUrl,
      redirectUrl: `${appOrigin}/callback.html`,
      defaultLang: "en",
      onResult: ({ accountId, verdict }) => {
        verdicts.set(accountId, [...(verdicts.get(accountId) ?? []), verdict]);
      },
    },
  }),
);

const root = fileURLToPath(new URL("./app", import.meta.url));
const vite = await createViteServer({
  root,
  ...sourceResolve,
  configFile: false,
  server: { middlewareMode: true, hmr: false },
  appType: "mpa",
  logLevel: "warn",
});

/** A backend whose FaceSign flow is invalid (no end node): FaceSign refuses it with a 400. */
const misconfigured = toNodeHandler(
  createFaceKitHandler({
    secret: "e2e-secret-that-is-at-least-32-characters-long",
    authorize: (request) => {
      const accountId = cookie(request, "account");
      return accountId ? { accountId } : null;
    },
    facesign: {
      apiKey: defaultFaceSignKey,
      baseUrl: simulators.facesign.apiUrl,
      session: { flow: [{ id: "start", type: "start", outcome: "start" }] },
    },
  }),
);

/** A backend whose upload grants last 1.5 s, to prove that an expired grant is refused. */
const quickGrants = toNodeHandler(
  createFaceKitHandler({
    secret: "e2e-secret-that-is-at-least-32-characters-long",
    authorize: (request) => {
      const accountId = cookie(request, "account");
      return accountId ? { accountId } : null;
    },
    didit: { apiKey: defaultDiditKey, baseUrl: simulators.didit.apiUrl, grantTtlMs: 1_500 },
  }),
);

/** A backend holding a Didit sandbox key: validated, static Approved answer, no credit spent. */
const diditSandbox = toNodeHandler(
  createFaceKitHandler({
    secret: "e2e-secret-that-is-at-least-32-characters-long",
    authorize: (request) => {
      const accountId = cookie(request, "account");
      return accountId ? { accountId } : null;
    },
    didit: {
      apiKey: defaultDiditSandboxKey,
      baseUrl: simulators.didit.apiUrl,
      onResult: ({ accountId, result }) => {
        verdicts.set(accountId, [...(verdicts.get(accountId) ?? []), result]);
      },
    },
  }),
);

const cspPage = createCspPage(new URL(simulators.facesign.appUrl).origin);

createServer((req, res) => {
  if (req.url === "/health") res.end("ok");
  else if (req.url?.startsWith("/api/misconfigured/")) misconfigured(req, res);
  else if (req.url?.startsWith("/api/quickgrant/")) quickGrants(req, res);
  else if (req.url?.startsWith("/api/diditsandbox/")) diditSandbox(req, res);
  else if (req.url?.startsWith("/__test/verdicts/")) {
    const account = decodeURIComponent(req.url.slice("/__test/verdicts/".length));
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(verdicts.get(account) ?? []));
  } else if (req.url?.startsWith("/api/facekit/")) facekit(req, res);
  // A pre-built page served with a strict Content-Security-Policy (e2e/csp.spec.ts).
  else if (req.url?.startsWith("/csp/")) cspPage(req, res);
  else vite.middlewares(req, res);
}).listen(e2ePorts.app, "localhost", () => console.info(`e2e harness on ${appOrigin}`));
