/**
 * Test support (not exported from the package): drives a FaceSign simulator in-process the way a
 * backend and a browser would.
 */
import type { FaceSignSessionBody, FaceSignWebhookBody } from "@facekit/core/protocol";
import { defaultFaceSignKey } from "./createFaceSignContext.ts";
import { createFaceSignSimulator } from "./createFaceSignSimulator.ts";
import { sampleFaceSignFlow } from "./sampleFaceSignFlow.ts";
import type { FaceSignSimulator, FaceSignSimulatorOptions } from "./types.ts";

/** Base URL of the in-process API origin. */
const apiBase = "http://api.test";
/** Base URL of the in-process hosted-page origin. */
export const appBase = "http://app.test";

/** A JSON answer of the API. */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  res: Response;
}

/** A hosted page answer. */
export interface PageAnswer {
  status: number;
  html: string;
  res: Response;
  /** Hidden `node` field of the step form, if any. */
  node: string | null;
}

/**
 * A webhook receiver for the simulator's `fetch` option: keeps each delivered body, answers 204.
 * @example
 * const hooks = recordWebhooks();
 * const t = createFaceSignTestDriver({ webhookUrl: "https://backend.example/hook", fetch: hooks.fetch });
 */
export function recordWebhooks(): { events: FaceSignWebhookBody[]; fetch: typeof fetch } {
  const events: FaceSignWebhookBody[] = [];
  const receive = async (input: RequestInfo | URL, init?: RequestInit) => {
    events.push(await new Request(input, init).json());
    return new Response(null, { status: 204 });
  };
  return { events, fetch: receive as typeof fetch };
}

/**
 * A simulator (app origin `http://app.test`) plus helpers for one API key.
 * @example
 * const t = createFaceSignTestDriver();
 * const { clientSecret } = (await t.create()).body;
 */
export function createFaceSignTestDriver(
  options: FaceSignSimulatorOptions = {},
  apiKey: string = defaultFaceSignKey,
) {
  const sim: FaceSignSimulator = createFaceSignSimulator({ appOrigin: appBase, ...options });
  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${apiKey}` },
  ): Promise<ApiAnswer<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] = "application/json";
    }
    const res = await sim.api(new Request(`${apiBase}${path}`, init));
    return { status: res.status, body: (await res.json()) as T, res };
  }
  async function page(res: Response): Promise<PageAnswer> {
    const html = await res.text();
    const node = /name="node" value="([^"]*)"/.exec(html)?.[1] ?? null;
    return { status: res.status, html, res, node };
  }
  return {
    sim,
    call,
    create: (settings: Record<string, unknown> = {}) =>
      call<FaceSignSessionBody>("POST", "/sessions", {
        clientReferenceId: "user-1",
        flow: sampleFaceSignFlow,
        ...settings,
      }),
    open: async (url: string, headers: Record<string, string> = {}) =>
      page(await sim.app(new Request(url, { headers }))),
    /** Posts the step form; follows a 303 back to the page like a browser. */
    step: async (secret: string, node: string, choice: string): Promise<PageAnswer> => {
      const body = new URLSearchParams({ cs: secret, node, choice });
      const res = await sim.app(new Request(`${appBase}/step`, { method: "POST", body }));
      if (res.status !== 303) return page(res);
      return page(await sim.app(new Request(`${appBase}${res.headers.get("location")}`)));
    },
  };
}
