/**
 * Harness page: one <FaceSignEmbed> (inline, or a modal with `?modal`) and a JSON log of every
 * callback the app was given. `?endpoint=` picks the backend.
 */
import type { FaceKitError } from "@facekit/core";
import { FaceKitProvider, FaceSignEmbed } from "@facekit/react";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

const query = new URLSearchParams(location.search);

function Harness() {
  const [log, setLog] = useState<unknown[]>([]);
  const [mounted, setMounted] = useState(true);
  const [open, setOpen] = useState(false);
  const push = (entry: unknown) => setLog((l) => [...l, entry]);
  const modal = query.has("modal");
  return (
    <>
      <button type="button" onClick={() => setMounted(false)}>
        Unmount
      </button>
      {modal && (
        <button type="button" onClick={() => setOpen(true)}>
          Open verification
        </button>
      )}
      {mounted && (
        <FaceSignEmbed
          presentation={modal ? "modal" : "inline"}
          open={open}
          onOpenChange={setOpen}
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
      <FaceKitProvider endpoint={query.get("endpoint") ?? "/api/facekit"}>
        <Harness />
      </FaceKitProvider>
    </StrictMode>,
  );
}
