/**
 * The app's server: FaceKit's routes under /api/facekit, then the pages. In development Vite
 * serves them (with hot reload) through this same server; in production, the built `dist/`.
 * `PORT` (default 3000).
 */

import { toNodeHandler } from "@facekit/server/node";
import express from "express";
import { facekit } from "./facekit";
import { securityHeaders } from "./headers";

facekit.check(); // fail at boot, not on the first request, when FACEKIT_SECRET or a key is missing

const app = express();
app.use("/api/facekit", toNodeHandler(facekit)); // BEFORE express.json()
app.use(express.json());

if (process.env.NODE_ENV === "production") {
  app.use(securityHeaders); // Vite's dev server needs inline scripts: production only
  // `extensions` serves dist/facekit/callback.html at /facekit/callback, like Vite does in dev.
  app.use(express.static("dist", { extensions: ["html"] }));
} else {
  const { createServer } = await import("vite");
  const vite = await createServer({ server: { middlewareMode: true }, appType: "mpa" });
  app.use(vite.middlewares);
}

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => console.info(`http://localhost:${port}/`));
