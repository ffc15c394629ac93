// The widgets' default theme, as shipped (the page's own styles are in index.html).
import "@facekit/react/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { EventLogProvider } from "./devtools/EventLogProvider.tsx";
import { FaceKitLanguageProvider } from "./FaceKitLanguage.tsx";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FaceKitLanguageProvider>
        <EventLogProvider>
          <App />
        </EventLogProvider>
      </FaceKitLanguageProvider>
    </StrictMode>,
  );
}
