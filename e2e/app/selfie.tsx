/**
 * Harness page: one <SelfieCompareUploader> and a JSON log of every callback and event name the
 * app was given. `?endpoint=` picks the backend.
 */
import type { FaceKitError } from "@facekit/core";
import { FaceKitProvider, SelfieCompareUploader } from "@facekit/react";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

const query = new URLSearchParams(location.search);

function Harness() {
  const [log, setLog] = useState<unknown[]>([]);
  const [mounted, setMounted] = useState(true);
  const push = (entry: unknown) => setLog((l) => [...l, entry]);
  return (
    <>
      <button type="button" onClick={() => setMounted(false)}>
        Unmount
      </button>
      {mounted && (
        <SelfieCompareUploader
          onComplete={(result) => push({ callback: "complete", result })}
          onCancel={() => push({ callback: "cancel" })}
          onError={(error: FaceKitError) => push({ callback: "error", code: error.code })}
          onEvent={(event) => push({ event: event.type })}
        />
      )}
      <pre data-testid="log">{JSON.stringify(log)}</pre>
    </>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FaceKitProvider endpoint={query.get("endpoint") ?? "/api/facekit"}>
        <Harness />
      </FaceKitProvider>
    </StrictMode>,
  );
}
