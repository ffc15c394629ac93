/**
 * The service worker of the static Storybook build (`npm run build-storybook`): the simulated
 * vendors and the FaceKit backend run here, in the designer's browser, so the live stories work
 * from any plain file server. Everything sits on the page's own origin: the simulators' APIs and
 * hosted pages under `/__facekit-story/sim/<surface>`, the backend at `/api/facekit` (and its
 * variants), the story config at `/__facekit-story/config`. State lives in memory: when the
 * browser stops the idle worker, sessions and scenarios start again from scratch.
 */
import { createFaceKitHandler } from "@facekit/server";
import {
  createDiditSimulator,
  createFaceSignSimulator,
  createVerisoulSimulator,
} from "@facekit/simulator";
import {
  type StoryVariant,
  type StoryVendorUrls,
  storyBackendConfig,
} from "../storyBackendConfig.ts";
import {
  storyBackendPath,
  storyConfigPath,
  storyKeepAlivePath,
  storyPhotoFiles,
  storyPhotoPath,
  storyWebhookSecret,
} from "../storyPaths.ts";
import { forwardTo, type Handler } from "./forwardTo.ts";

/** The slice of ServiceWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: WaitEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: WaitEvent & { data: unknown }) => void): void;
}
interface WaitEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends Event {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

const scope = self as unknown as WorkerScope;
const origin = scope.location.origin;
const simulated = `${origin}/__facekit-story/sim`;
const urls: StoryVendorUrls = {
  verisoul: { apiUrl: `${simulated}/verisoul-api`, appUrl: `${simulated}/verisoul-app` },
  facesign: { apiUrl: `${simulated}/facesign-api`, appUrl: `${simulated}/facesign-app` },
  didit: { apiUrl: `${simulated}/didit-api` },
};

/** The backend and FaceSign reach the simulators in-process: a worker's fetch skips itself. */
const inProcess: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  return (handlerOf(request) ?? fetch)(request);
};

const verisoul = createVerisoulSimulator();
const facesign = createFaceSignSimulator({
  appOrigin: urls.facesign.appUrl,
  webhookUrl: `${origin}/api/facekit/facesign/webhook`,
  webhookSecret: storyWebhookSecret,
  fetch: inProcess,
});
const didit = createDiditSimulator();
const surfaces: [base: string, handler: Handler][] = [
  [urls.verisoul.apiUrl, verisoul.api],
  [urls.verisoul.appUrl, verisoul.app],
  [urls.facesign.apiUrl, facesign.api],
  [urls.facesign.appUrl, facesign.app],
  [urls.didit.apiUrl, didit.api],
];
const backends = new Map<string, Handler>();

function backend(variant: string): Handler {
  if (variant === "-offline") return async () => Response.error();
  let handler = backends.get(variant);
  if (!handler) {
    const config = storyBackendConfig(origin, variant as StoryVariant, urls, inProcess);
    handler = createFaceKitHandler(config);
    backends.set(variant, handler);
  }
  return handler;
}

async function photo(name: keyof typeof storyPhotoFiles): Promise<Response> {
  const file = await fetch(`${origin}/__facekit-story/photos/${storyPhotoFiles[name]}`);
  const type = name === "noFace" ? "image/png" : "image/jpeg";
  return new Response(file.body, { status: file.status, headers: { "content-type": type } });
}

/** Who answers `request`, or undefined for the static files (the network). */
function handlerOf(request: Request): Handler | undefined {
  const url = new URL(request.url);
  if (url.origin !== origin) return undefined;
  for (const [base, handler] of surfaces) {
    if (url.href.startsWith(`${base}/`)) return forwardTo(base, handler, "strip");
  }
  const variant = storyBackendPath.exec(url.pathname);
  if (variant) return backend(variant[1] ?? "");
  if (url.pathname === storyConfigPath) return async () => Response.json(urls);
  if (url.pathname === storyKeepAlivePath) return async () => new Response(null, { status: 204 });
  const name = storyPhotoPath.exec(url.pathname)?.[1] as keyof typeof storyPhotoFiles | undefined;
  if (name) return () => photo(name);
  // A hosted page's own root-absolute link or form (`/complete`, `/step`) belongs to its surface.
  for (const [base, handler] of surfaces) {
    if (request.referrer.startsWith(`${base}/`)) return forwardTo(base, handler, "keep");
  }
  return undefined;
}

scope.addEventListener("install", (event) => event.waitUntil(scope.skipWaiting()));
scope.addEventListener("activate", (event) => event.waitUntil(scope.clients.claim()));
scope.addEventListener("message", (event) => {
  if (event.data === "claim") event.waitUntil(scope.clients.claim());
});
scope.addEventListener("fetch", (event) => {
  const handler = handlerOf(event.request);
  if (handler) event.respondWith(handler(event.request));
});
