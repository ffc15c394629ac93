import "@facekit/react/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { VerifyStep } from "./VerifyStep";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <main>
      <h1>Verify your face</h1>
      <VerifyStep />
    </main>
  </StrictMode>,
);
