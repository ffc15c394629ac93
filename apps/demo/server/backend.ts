/**
 * The demo's backend, written the way a customer would: a tiny account API (cookie session) and
 * FaceKit's handler mounted at /api/facekit. Web-standard `Request -> Response`.
 */
import type { FaceSignNode } from "@facekit/core/protocol";
import { createFaceKitHandler } from "@facekit/server";
import { type DemoFaceCheck, fromDidit, fromFaceSign, fromVerisoul } from "./faceChecks.ts";

export interface DemoBackendOptions {
  /** Public origin of the app, e.g. http://localhost:5173 (the callback page lives there). */
  appOrigin: string;
  /** Secret for FaceKit's session tokens. */
  secret: string;
  verisoul: {
    apiKey: string;
    environment?: "sandbox" | "production";
    baseUrl?: string;
    appBaseUrl?: string;
    /** Tests route vendor calls to the in-process simulator. */
    fetch?: typeof fetch;
  };
  facesign: {
    apiKey: string;
    /** Default `https://api.facesign.ai`; the simulator's API URL in development. */
    baseUrl?: string;
    /** Enables `/api/facekit/facesign/webhook` (FaceSign's signed status doorbell). */
    webhookSecret?: string;
    /** Tests route vendor calls to the in-process simulator. */
    fetch?: typeof fetch;
  };
  didit: {
    apiKey: string;
    /** Default `https://verification.didit.me`; the simulator's API URL in development. */
    baseUrl?: string;
    /** Tests route vendor calls to the in-process simulator. */
    fetch?: typeof fetch;
  };
  /**
   * Control origins (`…/__simulator`) of the simulated vendors, for the page's Scenarios panel.
   * Leave a vendor out when its real API is used.
   */
  simulators?: Partial<Record<DemoFaceCheck["vendor"], string>>;
}

/** Our FaceSign flow: a greeting, then a liveness check. The server chooses it, never the page. */
const demoFaceSignFlow: FaceSignNode[] = [
  { id: "start", type: "start", outcome: "hello" },
  {
    id: "hello",
    type: "conversation",
    prompt: "Say: Hi, I am Acme's assistant. I will check that you are a real person.",
    outcomes: [{ id: "next", condition: "", targetNodeId: "live" }],
  },
  {
    id: "live",
    type: "liveness_detection",
    outcomes: {
      livenessDetected: "end",
      deepfakeDetected: "end",
      noFace: "end",
      inconclusive: "end",
    },
  },
  { id: "end", type: "end" },
];

const cookieName = "demo_account";

/** What the demo keeps per account; face checks are written only from the vendor's answer. */
interface DemoAccount {
  name: string;
  email: string;
  /** The latest check. */
  faceCheck?: DemoFaceCheck;
  /** Every check, newest first (at most 10). */
  history: DemoFaceCheck[];
}

/** Where the page may drive a simulated vendor (`null`: the real API is in use). */
type DemoVendors = Record<DemoFaceCheck["vendor"], { simulatorUrl: string | null }>;

/** The languages the page offers (its FaceKit catalogues): the vendors' pages follow the choice. */
const languages = ["en", "es", "fr"];

function accountFrom(request: Request): string | null {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(/(?:^|;\s*)demo_account=([\w-]{8,64})/);
  return match?.[1] ?? null;
}

/** Builds the demo backend's fetch handler. */
export function createDemoBackend(
  options: DemoBackendOptions,
): (request: Request) => Promise<Response> {
  const accounts = new Map<string, DemoAccount>();
  const record = (accountId: string, check: DemoFaceCheck) => {
    const account = accounts.get(accountId);
    if (!account) return;
    account.faceCheck = check;
    account.history = [check, ...account.history].slice(0, 10);
  };
  const facekit = createFaceKitHandler({
    secret: options.secret,
    authorize: (request) => {
      const accountId = accountFrom(request);
      return accountId && accounts.has(accountId) ? { accountId } : null;
    },
    verisoul: {
      ...options.verisoul,
      redirectUrl: `${options.appOrigin}/callback.html`,
      defaultLang: "en",
      langs: languages,
      enroll: true,
      // Decisions are recorded here, from the vendor's answer, never from the browser.
      onResult: (event) => record(event.accountId, fromVerisoul(event)),
    },
    facesign: {
      ...options.facesign,
      session: { langs: languages, flow: demoFaceSignFlow },
      // FaceSign's finished session, as our backend read it from FaceSign.
      onResult: (event) => record(event.accountId, fromFaceSign(event)),
    },
    didit: {
      ...options.didit,
      threshold: 60,
      // Didit's answer, as our backend got it: the page's copy is only shown.
      onResult: (event) => record(event.accountId, fromDidit(event)),
    },
  });
  const vendors: DemoVendors = {
    verisoul: { simulatorUrl: options.simulators?.verisoul ?? null },
    facesign: { simulatorUrl: options.simulators?.facesign ?? null },
    didit: { simulatorUrl: options.simulators?.didit ?? null },
  };

  return async (request) => {
    const { pathname } = new URL(request.url);
    const route = `${request.method} ${pathname}`;
    if (pathname.startsWith("/api/facekit/")) return facekit(request);
    if (route === "POST /api/account") {
      const body = (await request.json().catch(() => null)) as {
        name?: unknown;
        email?: unknown;
      } | null;
      const name = typeof body?.name === "string" ? body.name.trim().slice(0, 80) : "";
      const email = typeof body?.email === "string" ? body.email.trim().slice(0, 120) : "";
      if (!name || !/^[^\s@]+@[^\s@]+$/.test(email)) {
        return Response.json({ error: "Enter your name and a valid email." }, { status: 400 });
      }
      const id = crypto.randomUUID();
      accounts.set(id, { name, email, history: [] });
      return Response.json(
        { id, name, email, history: [] },
        { headers: { "set-cookie": `${cookieName}=${id}; Path=/; HttpOnly; SameSite=Lax` } },
      );
    }
    if (route === "GET /api/account") {
      const id = accountFrom(request);
      const account = id ? accounts.get(id) : undefined;
      return account ? Response.json({ id, ...account }) : Response.json(null);
    }
    if (route === "POST /api/account/sign-out") {
      return Response.json(null, {
        headers: { "set-cookie": `${cookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` },
      });
    }
    // Demo only: where the Scenarios panel may drive each simulated vendor.
    if (route === "GET /api/demo/vendors") return Response.json(vendors);
    return Response.json({ error: "Not found" }, { status: 404 });
  };
}
