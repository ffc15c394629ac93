/**
 * The response headers of the pages FaceKit needs the app to host (see the README's "Headers"):
 * a strict CSP that lets in only FaceSign's hosted page (an iframe), COOP that keeps the popup
 * reachable, and no framing by other sites. The callback page keeps no COOP (its popup must still
 * reach the window that opened it) and sends no referrer (its URL carries the session id).
 */
import type { RequestHandler } from "express";

/** FaceSign's hosted page; the simulator's in development (FACESIGN_PAGE_ORIGIN). */
const faceSignPage = process.env.FACESIGN_PAGE_ORIGIN ?? "https://session.facesign.ai";

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:", // photo previews are blob: URLs
  "media-src 'self' blob:",
  "connect-src 'self'", // the browser talks to your backend only, never to a vendor's API
  `frame-src ${faceSignPage}`, // <FaceSignEmbed>
  "worker-src 'self' blob:", // the image worker of <SelfieCompareUploader>
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders: RequestHandler = (request, response, next) => {
  response.setHeader("Content-Security-Policy", csp);
  response.setHeader("X-Frame-Options", "DENY");
  response.setHeader(
    "Permissions-Policy",
    `camera=(self "${faceSignPage}"), microphone=(self "${faceSignPage}")`,
  );
  if (request.path.startsWith("/facekit/callback")) {
    response.setHeader("Referrer-Policy", "no-referrer");
  } else {
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin-allow-popups");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  }
  next();
};
