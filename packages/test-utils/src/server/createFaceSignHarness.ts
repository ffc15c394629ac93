/**
 * Test-only: a FaceKit handler with FaceSign configured against the in-process FaceSign simulator
 * (API, hosted page and signed webhooks), with helpers to play the browser and the person.
 */
import type { ErrorBody, FaceKitError, FaceSignSession } from "@facekit/core/protocol";
import {
  type AuthorizeResult,
  createFaceKitHandler,
  type FaceKitHandler,
  type FaceKitStore,
  type FaceSignConfig,
} from "@facekit/server";
import {
  createFaceSignSimulator,
  defaultFaceSignKey,
  sampleFaceSignFlow,
} from "@facekit/simulator";
import { postJson, testEndpoint } from "./postJson.ts";
import { testSecret } from "./testSecret.ts";

/** The webhook secret both sides use in tests (the simulator's default). */
export const testWebhookSecret = "whsec_facekit_simulator";
/** Where the simulator delivers webhooks (routed in-process to the handler). */
export const testWebhookUrl = `${testEndpoint}/facesign/webhook`;

/** A hosted page as the person's browser sees it. */
export interface HostedPage {
  status: number;
  html: string;
  /** The node the step form is for; null on message pages (finished, refused). */
  node: string | null;
}

type Answer = { status: number; body: Record<string, unknown> & Partial<ErrorBody> };

/**
 * A fresh simulator and handler for one test, signed in as `acct-1`.
 * @example
 * const t = createFaceSignHarness({ expose: ["transcript"] });
 * const session = await t.mint();
 */
export function createFaceSignHarness(
  facesign: Partial<FaceSignConfig> = {},
  options: {
    webhooks?: boolean;
    /** The handler's store (default its own memory store); share one to play two instances. */
    store?: FaceKitStore;
    /** Another harness's simulator (its webhooks keep going to that harness's handler). */
    sim?: ReturnType<typeof createFaceSignSimulator>;
  } = {},
) {
  const deliveries: Promise<Response>[] = [];
  let handler: FaceKitHandler | undefined;
  const sim =
    options.sim ??
    createFaceSignSimulator({
      appOrigin: "https://session.facesign.test",
      ...(options.webhooks === false ? {} : { webhookUrl: testWebhookUrl }),
      fetch: (input, init) => {
        const delivered = (handler as FaceKitHandler)(new Request(input, init));
        deliveries.push(delivered);
        return delivered;
      },
    });
  const fetch: typeof globalThis.fetch = (input, init) => sim.api(new Request(input, init));
  const auth: { current: AuthorizeResult | null } = { current: { accountId: "acct-1" } };
  const reported: FaceKitError[] = [];
  handler = createFaceKitHandler({
    secret: testSecret,
    authorize: () => auth.current,
    facesign: {
      apiKey: defaultFaceSignKey,
      fetch,
      session: { flow: sampleFaceSignFlow, langs: ["en"] },
      webhookSecret: testWebhookSecret,
      ...facesign,
    },
    onError: (error) => reported.push(error),
    ...(options.store && { store: options.store }),
  });
  handler.check(); // as an app does at boot: a bad config throws here, not on the first request
  const handle = handler;
  const post = (path: string, body?: unknown, init?: RequestInit) =>
    postJson(handle, path, body, init);
  const answer = async (response: Response): Promise<Answer> => ({
    status: response.status,
    body: await response.json(),
  });
  const page = async (response: Response): Promise<HostedPage> => {
    const html = await response.text();
    const node = /name="node" value="([^"]*)"/.exec(html)?.[1] ?? null;
    return { status: response.status, html, node };
  };
  const open = async (url: string) => page(await sim.app(new Request(url)));
  const step = async (url: string, node: string, choice: string): Promise<HostedPage> => {
    const cs = new URL(url).searchParams.get("cs") ?? "";
    const body = new URLSearchParams({ cs, node, choice });
    const res = await sim.app(new Request(new URL("/step", url), { method: "POST", body }));
    if (res.status !== 303) return page(res);
    return open(new URL(res.headers.get("location") ?? "/", url).toString());
  };
  return {
    sim,
    handler,
    auth,
    reported,
    deliveries,
    fetch,
    post,
    /** The session route; throws unless 200. */
    async mint(body: unknown = {}): Promise<FaceSignSession> {
      const response = await post("facesign/session", body);
      if (response.status !== 200) throw new Error(`mint failed: ${await response.text()}`);
      return (await response.json()) as FaceSignSession;
    },
    status: async (sessionId: string, clientSecret?: string) =>
      answer(await post("facesign/status", { sessionId, clientSecret })),
    refresh: async (sessionId: string) => answer(await post("facesign/refresh", { sessionId })),
    open,
    step,
    /** Opens the page and takes outcome 0 until the flow ends (`complete`), or leaves (`incomplete`). */
    async walk(url: string, how: "complete" | "leave" = "complete"): Promise<HostedPage> {
      let current = await open(url);
      while (current.node !== null) {
        current = await step(url, current.node, how === "leave" ? "leave" : "0");
      }
      return current;
    },
    /** Waits until every webhook sent so far was handled. */
    async settle(): Promise<Response[]> {
      let seen = -1;
      while (seen !== deliveries.length) {
        seen = deliveries.length;
        await Promise.all(deliveries);
        await new Promise((resolve) => setTimeout(resolve, 10)); // signing happens off the main thread
      }
      return Promise.all(deliveries);
    },
    /** `GET /sessions/{id}` calls the simulator saw. */
    vendorGets: (sessionId: string) => sim.stats().byPath[`/sessions/${sessionId}`] ?? 0,
  };
}
