/**
 * A FaceKit backend for component tests: the three simulated vendors and `createFaceKitHandler`
 * in the test's own process, joined by `fetch` functions (no ports, no network). Works in jsdom
 * and in Vitest's browser mode: nothing here imports a Node module.
 */
import { createFaceKitHandler, type FaceKitServerConfig } from "@facekit/server";
import {
  createDiditSimulator,
  createFaceSignSimulator,
  createSimulatorClient,
  createVerisoulSimulator,
  defaultDiditKey,
  defaultFaceSignKey,
  defaultVerisoulKey,
  type SimulatorClient,
  sampleFaceSignFlow,
} from "@facekit/simulator";
import { createInProcessXhr } from "./createInProcessXhr.ts";
import { portableForm } from "./portableForm.ts";

/** Options of {@link createTestBackend}. */
export interface TestBackendOptions {
  /** The signed-in account `authorize` answers; `null`: signed out. Default `"test-account"`. */
  accountId?: string | null;
  /** Where the app's `<FaceKitProvider endpoint>` points. Default `"/api/facekit"`. */
  endpoint?: string;
  /** The app's origin: relative URLs resolve against it. Default: the page's, else `http://localhost`. */
  origin?: string;
}

/** What {@link createTestBackend} returns. */
export interface TestBackend {
  /** Give it to `<FaceKitProvider fetch>`: the endpoint goes to the handler, vendors to simulators. */
  fetch: typeof fetch;
  /** FaceKit's uploads use XHR: stub it globally, e.g. `vi.stubGlobal("XMLHttpRequest", …)`. */
  XMLHttpRequest: typeof XMLHttpRequest;
  /** The FaceKit handler itself (a `Request` in, a `Response` out). */
  handler: (request: Request) => Promise<Response>;
  /** The simulators (their `api`/`app` handlers, `session(id)`...). */
  simulators: {
    verisoul: ReturnType<typeof createVerisoulSimulator>;
    facesign: ReturnType<typeof createFaceSignSimulator>;
    didit: ReturnType<typeof createDiditSimulator>;
  };
  /** Scripts the simulators (scenarios, faults, credits), as against running ones. */
  client: SimulatorClient;
  /** Resets the simulators and starts the handler afresh (sessions, rations). */
  reset(): Promise<void>;
}

/** Where the handler reaches each simulated surface (never resolved on a network). */
const vendorUrls = {
  verisoulApi: "https://verisoul-api.simulator.test",
  verisoulApp: "https://verisoul-app.simulator.test",
  facesignApi: "https://facesign-api.simulator.test",
  facesignApp: "https://facesign-app.simulator.test",
  diditApi: "https://didit-api.simulator.test",
} as const;
const webhookSecret = "whsec_facekit_test_backend";

/**
 * The simulators and a FaceKit handler wired to them in-process, signed in as `accountId`.
 * @example
 * const backend = createTestBackend();
 * vi.stubGlobal("XMLHttpRequest", backend.XMLHttpRequest);
 * render(<FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}><App /></FaceKitProvider>);
 */
export function createTestBackend(options: TestBackendOptions = {}): TestBackend {
  const endpoint = (options.endpoint ?? "/api/facekit").replace(/\/+$/, "");
  const origin = options.origin ?? globalThis.location?.origin ?? "http://localhost";
  const account = options.accountId === undefined ? "test-account" : options.accountId;
  const toRequest = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const body = init.body instanceof FormData ? await portableForm(init.body) : init.body;
    const url = input instanceof Request ? input : new URL(input, origin);
    return new Request(url, { ...init, body });
  };

  const fetcher: typeof fetch = async (input, init) => {
    const request = await toRequest(input, init);
    const url = new URL(request.url);
    const surface = surfaces.get(url.origin);
    if (surface) return surface(request);
    if (url.origin === origin && url.pathname.startsWith(`${endpoint}/`)) return handler(request);
    throw new TypeError(`createTestBackend has no route for ${request.method} ${request.url}`);
  };

  const verisoul = createVerisoulSimulator();
  const facesign = createFaceSignSimulator({
    appOrigin: vendorUrls.facesignApp,
    webhookUrl: `${origin}${endpoint}/facesign/webhook`,
    webhookSecret,
    fetch: fetcher,
  });
  const didit = createDiditSimulator();
  const surfaces = new Map<string, (request: Request) => Promise<Response>>([
    [vendorUrls.verisoulApi, verisoul.api],
    [vendorUrls.verisoulApp, verisoul.app],
    [vendorUrls.facesignApi, facesign.api],
    [vendorUrls.facesignApp, facesign.app],
    [vendorUrls.diditApi, didit.api],
  ]);

  const config: FaceKitServerConfig = {
    secret: "facekit-test-backend-secret-of-32-characters",
    authorize: () => (account === null ? null : { accountId: account }),
    verisoul: {
      apiKey: defaultVerisoulKey,
      baseUrl: vendorUrls.verisoulApi,
      appBaseUrl: vendorUrls.verisoulApp,
      redirectUrl: `${origin}/facekit/callback`,
      fetch: fetcher,
    },
    facesign: {
      apiKey: defaultFaceSignKey,
      baseUrl: vendorUrls.facesignApi,
      webhookSecret,
      session: { flow: sampleFaceSignFlow },
      fetch: fetcher,
    },
    didit: { apiKey: defaultDiditKey, baseUrl: vendorUrls.diditApi, fetch: fetcher },
  };
  let current = createFaceKitHandler(config);
  const handler = (request: Request) => current(request);
  const client = createSimulatorClient(
    {
      verisoul: vendorUrls.verisoulApi,
      facesign: vendorUrls.facesignApi,
      didit: vendorUrls.diditApi,
    },
    { fetch: fetcher },
  );

  return {
    fetch: fetcher,
    XMLHttpRequest: createInProcessXhr(fetcher),
    handler,
    simulators: { verisoul, facesign, didit },
    client,
    async reset() {
      await client.reset();
      current = createFaceKitHandler(config);
    },
  };
}
