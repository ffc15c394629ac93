/** Harness page: one <FaceSignEmbed> and a JSON log of every callback the app was given. */
import type { FaceKitError } from "@facekit/core";
import { FaceKitProvider, FaceSignEmbed } from "@facekit/react";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

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
        <FaceSignEmbed
          pollIntervalMs={300}
          onComplete={(summary) => push({ callback: "complete", summary })}
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
      <FaceKitProvider
        endpoint={new URLSearchParams(location.search).get("endpoint") ?? "/api/facekit"}
      >
        <Harness />
      </FaceKitProvider>
    </StrictMode>,
  );
}
