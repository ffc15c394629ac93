/**
 * Registers the static Storybook's service worker (`storyWorker.ts`) and waits until it answers
 * this page's requests, so a story's first call to the backend already reaches it. While the page
 * is open it pings the worker, so the browser does not stop it as idle (its state is in memory)
 * while a person reads the simulated hosted page.
 */
import { storyKeepAlivePath, storyWorkerFile } from "../storyPaths.ts";

/** Chromium stops a service worker after 30 s without events. */
const keepAliveMs = 20_000;

let registered: Promise<void> | undefined;

/**
 * Resolves once the worker controls the page (at once when it already does).
 * @example
 * export const beforeAll = registerStoryWorker;
 */
export function registerStoryWorker(): Promise<void> {
  registered ??= (async () => {
    const container = navigator.serviceWorker;
    if (!container) {
      throw new Error(
        "This Storybook simulates FaceKit's backend in a service worker: open it over http://localhost or https.",
      );
    }
    setInterval(() => void fetch(storyKeepAlivePath).catch(() => {}), keepAliveMs);
    if (container.controller) return;
    const controlled = new Promise((resolve) =>
      container.addEventListener("controllerchange", resolve, { once: true }),
    );
    await container.register(`./${storyWorkerFile}`, { scope: "./" });
    // An active worker that does not control this page (a hard reload) is asked to take it.
    (await container.ready).active?.postMessage("claim");
    await controlled;
  })();
  return registered;
}
