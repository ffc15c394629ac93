/**
 * The three components with `@facekit/react/styles.css`, built ahead of time and served with a
 * strict Content-Security-Policy (see serve.ts): no inline script or style anywhere. `?theme=`
 * `light`, `dark` or `unstyled` marks the page (`data-facekit-theme` / `data-facekit-unstyled` on
 * `<html>`); without it the system's colour scheme decides.
 */
import "@facekit/react/styles.css";
import "./page.css";
import {
  FaceKitProvider,
  FaceMatchButton,
  FaceSignEmbed,
  SelfieCompareUploader,
} from "@facekit/react";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

const theme = new URLSearchParams(location.search).get("theme");
if (theme === "unstyled") document.documentElement.setAttribute("data-facekit-unstyled", "");
else if (theme) document.documentElement.setAttribute("data-facekit-theme", theme);

function Page() {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <h1>FaceKit under a strict CSP</h1>
      <section aria-labelledby="fm" data-testid="face-match">
        <h2 id="fm">Verisoul Face Match</h2>
        <FaceMatchButton mode="popup" />
      </section>
      <section aria-labelledby="fs" data-testid="facesign">
        <h2 id="fs">FaceSign</h2>
        <FaceSignEmbed pollIntervalMs={300} />
        <button type="button" className="page-button" onClick={() => setOpen(true)}>
          Open FaceSign in a dialog
        </button>
        <FaceSignEmbed
          presentation="modal"
          open={open}
          onOpenChange={setOpen}
          pollIntervalMs={300}
        />
      </section>
      <section aria-labelledby="sc" data-testid="selfie-compare">
        <h2 id="sc">Didit selfie compare</h2>
        <SelfieCompareUploader />
      </section>
    </main>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FaceKitProvider endpoint="/api/facekit">
        <Page />
      </FaceKitProvider>
    </StrictMode>,
  );
}
