/**
 * Harness page: one <SelfieCompareUploader> and a JSON log of every callback and event name the
 * app was given. `?endpoint=` picks the backend.
 */
import { SelfieCompareUploader } from "@facekit/react";
import { useState } from "react";
import { mountHarness, useCallbackLog } from "./harness.tsx";

const query = new URLSearchParams(location.search);

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
          onComplete={(result) => push({ callback: "complete", result })}
          {...callbacks}
        />
      )}
      {view}
    </>
  );
}

mountHarness(<Harness />, query.get("endpoint") ?? undefined);
