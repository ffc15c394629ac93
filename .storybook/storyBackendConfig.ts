/**
 * The FaceKit backend behind Storybook's live stories, as a customer would configure
 * `createFaceKitHandler`: one config per origin and variant. Shared by the dev server's backend
 * (`facekitStoryBackend.ts`, simulators on free ports) and the static build's service worker
 * (`static/storyWorker.ts`, simulators in the browser), so both answer alike.
 */
import type { AuthorizeResult, FaceKitServerConfig } from "@facekit/server";
import {
  defaultDiditKey,
  defaultFaceSignKey,
  defaultVerisoulKey,
  sampleFaceSignFlow,
} from "@facekit/simulator";
import { storyCallbackPath, storyWebhookSecret } from "./storyPaths.ts";

/** The backends a story may name (`storyBackends` in @facekit/test-utils/stories), but offline. */
export type StoryVariant = "" | "-signed-out" | "-login" | "-bad-key";

/** Where the backend reaches the simulated vendors. */
export interface StoryVendorUrls {
  verisoul: { apiUrl: string; appUrl: string };
  facesign: { apiUrl: string; appUrl: string };
  didit: { apiUrl: string };
}

const accounts: Record<StoryVariant, AuthorizeResult | null> = {
  "": { accountId: "storybook-designer" },
  "-signed-out": null,
  "-login": { accountId: "storybook-never-enrolled", verisoul: { authenticate: true } },
  "-bad-key": { accountId: "storybook-designer" },
};
const languages = ["en", "es", "fr"];
const unlimited = { limit: 1_000_000, windowMs: 60_000 };
// Every story signs in as the same few accounts, again and again: no rations here.
const unrationed = {
  "verisoul/session": unlimited,
  "facesign/session": unlimited,
  "facesign/refresh": unlimited,
  "facesign/status": unlimited,
};

/**
 * The handler config of one variant, for the stories served from `origin` (the callback page
 * lives there). `fetch` reaches the vendors when they are not on the network (the static build).
 * @example
 * const handler = createFaceKitHandler(storyBackendConfig("http://localhost:6006", "", urls));
 */
export function storyBackendConfig(
  origin: string,
  variant: StoryVariant,
  urls: StoryVendorUrls,
  fetch?: typeof globalThis.fetch,
): FaceKitServerConfig {
  const key = (live: string) => (variant === "-bad-key" ? "revoked-key" : live);
  return {
    secret: "storybook-only-secret-at-least-32-characters",
    authorize: () => accounts[variant],
    verisoul: {
      apiKey: key(defaultVerisoulKey),
      baseUrl: urls.verisoul.apiUrl,
      appBaseUrl: urls.verisoul.appUrl,
      redirectUrl: `${origin}${storyCallbackPath}`,
      langs: languages,
      fetch,
    },
    facesign: {
      apiKey: key(defaultFaceSignKey),
      baseUrl: urls.facesign.apiUrl,
      webhookSecret: storyWebhookSecret,
      session: { langs: languages, flow: sampleFaceSignFlow },
      fetch,
    },
    didit: { apiKey: key(defaultDiditKey), baseUrl: urls.didit.apiUrl, fetch },
    rations: unrationed,
  };
}
