import { FaceKitProvider } from "@facekit/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { EventLogProvider } from "./devtools/EventLogProvider.tsx";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FaceKitProvider endpoint="/api/facekit">
        <EventLogProvider>
          <App />
        </EventLogProvider>
      </FaceKitProvider>
    </StrictMode>,
  );
}
