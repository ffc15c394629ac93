/**
 * Harness page: one <FaceSignEmbed> (inline, or a modal with `?modal`) and a JSON log of every
 * callback the app was given. `?endpoint=` picks the backend. `?ready` mints a session first and
 * hands it over as the `clientSecret` prop (as a server-rendered page would); `?ready=stale` also
 * refreshes it first, so the handed-over secret is one FaceSign refuses. `?margin=` sets
 * `refreshMarginMs`.
 */
import {
  createFaceSignBackendClient,
  type FaceKitError,
  type FaceSignSession,
} from "@facekit/core";
import { FaceKitProvider, FaceSignEmbed } from "@facekit/react";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

const query = new URLSearchParams(location.search);
const endpoint = query.get("endpoint") ?? "/api/facekit";
const margin = Number(query.get("margin")) || undefined;

async function readySession(): Promise<FaceSignSession | undefined> {
  if (!query.has("ready")) return undefined;
  const backend = createFaceSignBackendClient({ endpoint });
  const session = await backend.mintFaceSignSession();
  if (query.get("ready") === "stale") await backend.refreshFaceSignSession(session.sessionId);
  return session;
}

function Harness({ ready }: { ready: FaceSignSession | undefined }) {
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
          clientSecret={ready}
          pollIntervalMs={300}
          refreshMarginMs={margin}
          onComplete={(summary) => push({ callback: "complete", summary })}
          onCancel={() => push({ callback: "cancel" })}
          onError={(error: FaceKitError) => push({ callback: "error", code: error.code })}
          onEvent={(event) => push({ event: event.type })}
        />
      )}
      {ready && (
        <output data-testid="ready" data-expire={ready.expireAt}>
          {ready.clientSecret}
        </output>
      )}
      <pre data-testid="log">{JSON.stringify(log)}</pre>
    </>
  );
}

const root = document.getElementById("root");
if (root) {
  const ready = await readySession();
  createRoot(root).render(
    <StrictMode>
      <FaceKitProvider endpoint={endpoint}>
        <Harness ready={ready} />
      </FaceKitProvider>
    </StrictMode>,
  );
}
