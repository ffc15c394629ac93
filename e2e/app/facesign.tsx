/**
 * Harness page: one <FaceSignEmbed> (inline, or a modal with `?modal`) and a JSON log of every
 * callback the app was given. `?endpoint=` picks the backend. `?ready` mints a session first and
 * hands it over as the `session` prop (as a server-rendered page would); `?ready=stale` also
 * refreshes it first, so the handed-over secret is one FaceSign refuses. `?margin=` sets
 * `refreshMarginMs`.
 */
import { createFaceSignBackendClient, type FaceSignSession } from "@facekit/core";
import { FaceSignEmbed } from "@facekit/react";
import { useState } from "react";
import { mountHarness, useCallbackLog } from "./harness.tsx";

const query = new URLSearchParams(location.search);
// `?theme=light|dark`: the library's stylesheet, in that theme (issue 15's screens and modal).
const theme = query.get("theme");
if (theme) await import("@facekit/react/styles.css");
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
  const { push, callbacks, view } = useCallbackLog();
  const [mounted, setMounted] = useState(true);
  const [open, setOpen] = useState(false);
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
          data-facekit-theme={theme ?? undefined}
          presentation={modal ? "modal" : "inline"}
          open={open}
          onOpenChange={setOpen}
          session={ready}
          pollIntervalMs={300}
          refreshMarginMs={margin}
          onComplete={(summary) => push({ callback: "complete", summary })}
          {...callbacks}
        />
      )}
      {ready && (
        <output data-testid="ready" data-expire={ready.expireAt}>
          {ready.clientSecret}
        </output>
      )}
      {view}
    </>
  );
}

mountHarness(<Harness ready={await readySession()} />, endpoint);
