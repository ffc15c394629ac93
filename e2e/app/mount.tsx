/**
 * Benchmark page of `npm run bench:mount`: time from mounting to the FaceSign iframe's `load`, for
 * `<FaceSignEmbed>` (`?impl=embed`) or a hand-written component doing the same work (`?impl=hand`),
 * each alone inside `<FaceKitProvider endpoint="/api/facekit">`, mounted once the page has painted
 * its heading. No StrictMode: its double mount is a development-only pass that production never
 * makes. One capturing `load` listener on the root serves both (the embed takes no `onLoad` for
 * its iframe), so both are timed the same way. The result lands on `window.mountBench` (and in a
 * `mountBench {...}` console line), in ms since `render()` was called.
 */
import { createFaceSignBackendClient, type FaceSignSession } from "@facekit/core";
import { FaceKitProvider, FaceSignEmbed } from "@facekit/react";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";

const endpoint = "/api/facekit";

/** The script reports a page that never loads the iframe with this line. */
const failed = (error: unknown) =>
  console.error(`mountBench failed: ${(error as { code?: string }).code} ${String(error)}`);

/** The FaceSign component a customer would write by hand: mint in an effect, then the iframe. */
function HandWritten() {
  const [session, setSession] = useState<FaceSignSession | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    createFaceSignBackendClient({ endpoint })
      .mintFaceSignSession(ctrl.signal)
      .then(setSession, (e: unknown) => ctrl.signal.aborted || failed(e));
    return () => ctrl.abort();
  }, []);
  return (
    <div>
      {session && (
        <iframe
          src={session.url}
          title="FaceSign verification"
          allow="camera; microphone; autoplay; fullscreen"
          width="100%"
          height={560}
        />
      )}
    </div>
  );
}

/** Milliseconds since `render()` was called; `mintStart`/`mintEnd` from Resource Timing. */
interface MountBench {
  impl: string;
  iframeInserted: number;
  iframeLoad: number;
  mintStart: number;
  mintEnd: number;
}

declare global {
  interface Window {
    mountBench?: MountBench;
  }
}

const impl = new URLSearchParams(location.search).get("impl") === "hand" ? "hand" : "embed";
const container = document.getElementById("root");
if (container) {
  let mountedAt = 0;
  let iframeInserted = Number.NaN;
  new MutationObserver((_, observer) => {
    if (!container.querySelector("iframe")) return;
    iframeInserted = performance.now() - mountedAt;
    observer.disconnect();
  }).observe(container, { childList: true, subtree: true });
  const onLoad = (event: Event) => {
    if (!(event.target instanceof HTMLIFrameElement)) return;
    const iframeLoad = performance.now() - mountedAt;
    container.removeEventListener("load", onLoad, true);
    const mint = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find(
      (e) => e.name.endsWith("/facesign/session"),
    );
    window.mountBench = {
      impl,
      iframeInserted,
      iframeLoad,
      mintStart: mint ? mint.startTime - mountedAt : Number.NaN,
      mintEnd: mint ? mint.responseEnd - mountedAt : Number.NaN,
    };
    // The script's signal: a console line needs no Playwright script in the page (polling would
    // inject one, ~15 ms of main-thread work, in the middle of the timed window).
    console.info(`mountBench ${JSON.stringify(window.mountBench)}`);
  };
  container.addEventListener("load", onLoad, true);
  // After the page's first paint, as when a step of a running app mounts: the shell's first text
  // paint (font set-up, ~15 ms in a fresh renderer) is the page's cost, not the component's.
  requestAnimationFrame(() =>
    setTimeout(() => {
      mountedAt = performance.now();
      createRoot(container).render(
        <FaceKitProvider endpoint={endpoint}>
          {impl === "hand" ? <HandWritten /> : <FaceSignEmbed onError={failed} />}
        </FaceKitProvider>,
      );
    }),
  );
}
