/**
 * The demo's backend, written the way a customer would: a tiny account API (cookie session) and
 * FaceKit's handler mounted at /api/facekit. Web-standard `Request -> Response`.
 */
import type { FaceSignNode } from "@facekit/core/protocol";
import { createFaceKitHandler } from "@facekit/server";

export interface DemoBackendOptions {
  /** Public origin of the app, e.g. http://localhost:5173 (the callback page lives there). */
  appOrigin: string;
  /** Secret for FaceKit's session tokens. */
  secret: string;
  verisoul: {
    apiKey: string;
    environment?: "sandbox" | "production";
    apiBaseUrl?: string;
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
}

/** Our FaceSign flow: a greeting, then a liveness check. The server chooses it, never the page. */
export const demoFaceSignFlow: FaceSignNode[] = [
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

/** A face check as the backend recorded it from the vendor's answer. */
export interface DemoFaceCheck {
  vendor: "verisoul" | "facesign" | "didit";
  decision: string;
  /** Verisoul only. */
  enrolled?: boolean;
  /** Verisoul only: other accounts with the same face. */
  linkedAccounts?: number;
  /** Didit only: the similarity score (0-100), null when no face pair could be scored. */
  score?: number | null;
  checkedAt: string;
}

/** What the demo keeps per account; `faceCheck` is written only from the vendor's answer. */
interface DemoAccount {
  name: string;
  email: string;
  faceCheck?: DemoFaceCheck;
}

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
  const facekit = createFaceKitHandler({
    secret: options.secret,
    authorize: (request) => {
      const accountId = accountFrom(request);
      return accountId && accounts.has(accountId) ? { accountId } : null;
    },
    verisoul: {
      ...options.verisoul,
      redirectUrl: `${options.appOrigin}/callback.html`,
      lng: "en",
      enroll: true,
    },
    facesign: {
      ...options.facesign,
      session: { langs: ["en"], flow: demoFaceSignFlow },
      // FaceSign's finished session, as our backend read it from FaceSign.
      onResult: ({ accountId, status, session }) => {
        const account = accounts.get(accountId);
        if (!account) return;
        const verified = status === "complete" && session.report?.isVerified === true;
        account.faceCheck = {
          vendor: "facesign",
          decision: status === "complete" ? (verified ? "Verified" : "Not verified") : "Left",
          checkedAt: new Date().toISOString(),
        };
      },
    },
    didit: {
      ...options.didit,
      threshold: 60,
      // Didit's answer, as our backend got it: the page's copy is only shown.
      onResult: ({ accountId, result }) => {
        const account = accounts.get(accountId);
        if (!account) return;
        account.faceCheck = {
          vendor: "didit",
          decision: result.status === "approved" ? "Same person" : "Not a match",
          score: result.score,
          checkedAt: new Date().toISOString(),
        };
      },
    },
    // Decisions are recorded here, from the vendor's answer, never from the browser.
    onResult: ({ accountId, result }) => {
      const account = accounts.get(accountId);
      if (!account) return;
      account.faceCheck = {
        vendor: "verisoul",
        decision: result.decision,
        enrolled: result.enrolled === true,
        linkedAccounts: result.linkedAccounts,
        checkedAt: new Date().toISOString(),
      };
    },
  });

  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/api/facekit/")) return facekit(request);
    if (pathname === "/api/account" && request.method === "POST") {
      const body = (await request.json().catch(() => null)) as {
        name?: unknown;
        email?: unknown;
      } | null;
      const name = typeof body?.name === "string" ? body.name.trim().slice(0, 80) : "";
      const email = typeof body?.email === "string" ? body.email.trim().slice(0, 120) : "";
      if (!name || !email.includes("@")) {
        return Response.json({ error: "Enter your name and a valid email." }, { status: 400 });
      }
      const id = crypto.randomUUID();
      accounts.set(id, { name, email });
      return Response.json(
        { id, name, email },
        { headers: { "set-cookie": `${cookieName}=${id}; Path=/; HttpOnly; SameSite=Lax` } },
      );
    }
    if (pathname === "/api/account" && request.method === "GET") {
      const id = accountFrom(request);
      const account = id ? accounts.get(id) : undefined;
      return account ? Response.json({ id, ...account }) : Response.json(null);
    }
    return Response.json({ error: "Not found" }, { status: 404 });
  };
}
