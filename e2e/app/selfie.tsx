/**
 * Harness page: one <SelfieCompareUploader> and a JSON log of every callback and event name the
 * app was given. `?endpoint=` picks the backend; `?theme=light|dark` loads the library's
 * stylesheet and forces that theme (e2e/uploaderScreens.spec.ts).
 */
import { SelfieCompareUploader } from "@facekit/react";
import { useState } from "react";
import { mountHarness, useCallbackLog } from "./harness.tsx";

const query = new URLSearchParams(location.search);
const theme = query.get("theme");
if (theme) await import("@facekit/react/styles.css");

function Harness() {
  const { push, callbacks, view } = useCallbackLog();
  const [mounted, setMounted] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setMounted(false)}>
        Unmount
      </button>
      {mounted && (
        <SelfieCompareUploader
          data-facekit-theme={theme ?? undefined}
          onComplete={(result) => push({ callback: "complete", result })}
          {...callbacks}
        />
      )}
      {view}
    </>
  );
}

mountHarness(<Harness />, query.get("endpoint") ?? undefined);
