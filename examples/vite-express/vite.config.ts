import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Two pages: the app, and the callback page Verisoul comes back to (/facekit/callback).
export default defineConfig({
  plugins: [react()],
  build: {
    rollupOptions: { input: { main: "index.html", callback: "facekit/callback.html" } },
  },
});
