/**
 * Harness page: one FaceMatchButton whose options come from the query string, and a JSON log of
 * every callback so tests can assert on what the app was told.
 */
import type { FaceKitError } from "@facekit/core";
import { FaceKitProvider, FaceMatchButton } from "@facekit/react";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

const query = new URLSearchParams(location.search);
const num = (name: string) => (query.has(name) ? Number(query.get(name)) : undefined);
type Mode = "popup" | "redirect" | "auto";

function Harness() {
  const [log, setLog] = useState<unknown[]>([]);
  const push = (entry: unknown) => setLog((l) => [...l, entry]);
  return (
    <>
      <FaceMatchButton
        mode={(query.get("mode") as Mode | null) ?? "popup"}
        prefetch={query.has("prefetch")}
        pollIntervalMs={num("poll")}
        severWindowMs={num("sever")}
        onComplete={(result) => push({ callback: "complete", result })}
        onCancel={() => push({ callback: "cancel" })}
        onError={(error: FaceKitError) => push({ callback: "error", code: error.code })}
        onEvent={(event) => push({ event: event.type })}
      />
      <pre data-testid="log">{JSON.stringify(log)}</pre>
    </>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FaceKitProvider endpoint="/api/facekit">
        <Harness />
      </FaceKitProvider>
    </StrictMode>,
  );
}
