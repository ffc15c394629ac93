/**
 * What every harness page shares: a JSON log of the callbacks and event names the app was given
 * (tests read it), and mounting under StrictMode inside a FaceKitProvider.
 */
import type { FaceKitError } from "@facekit/core";
import { FaceKitProvider } from "@facekit/react";
import { type ReactNode, StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

/** The log, the callbacks every component takes, and `push` for the rest. */
export function useCallbackLog() {
  const [log, setLog] = useState<unknown[]>([]);
  const push = (entry: unknown) => setLog((l) => [...l, entry]);
  return {
    push,
    callbacks: {
      onCancel: () => push({ callback: "cancel" }),
      onError: (error: FaceKitError) => push({ callback: "error", code: error.code }),
      onEvent: (event: { type: string }) => push({ event: event.type }),
    },
    view: <pre data-testid="log">{JSON.stringify(log)}</pre>,
  };
}

/** Renders the page's harness under StrictMode with a provider on `endpoint`. */
export function mountHarness(harness: ReactNode, endpoint = "/api/facekit"): void {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <FaceKitProvider endpoint={endpoint}>{harness}</FaceKitProvider>
    </StrictMode>,
  );
}
