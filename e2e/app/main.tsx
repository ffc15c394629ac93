/**
 * Harness page: one FaceMatchButton whose options come from the query string, and a JSON log of
 * every callback so tests can assert on what the app was told.
 */
import { FaceMatchButton } from "@facekit/react";
import { mountHarness, useCallbackLog } from "./harness.tsx";

const query = new URLSearchParams(location.search);
// `?theme=light|dark`: the library's stylesheet, in that theme (issue 15's screens and modal).
const theme = query.get("theme");
if (theme) await import("@facekit/react/styles.css");
const num = (name: string) => (query.has(name) ? Number(query.get(name)) : undefined);
type Mode = "popup" | "redirect" | "auto";

function Harness() {
  const { push, callbacks, view } = useCallbackLog();
  return (
    <>
      <FaceMatchButton
        data-facekit-theme={theme ?? undefined}
        mode={(query.get("mode") as Mode | null) ?? "popup"}
        prefetch={query.has("prefetch")}
        recheck={query.has("recheck")}
        pollIntervalMs={num("poll")}
        severWindowMs={num("sever")}
        onComplete={(result) => push({ callback: "complete", result })}
        {...callbacks}
      />
      {view}
    </>
  );
}

mountHarness(<Harness />);
