import { htmlResponse } from "../internal/htmlResponse.ts";
import { placeholderJpeg } from "../internal/placeholderJpeg.ts";
import { cssResponse } from "../internal/simCss.ts";
import { sleep } from "../internal/sleep.ts";
import { completeSession } from "./completeSession.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { errorPage } from "./errorPage.ts";
import { openSession } from "./openSession.ts";

function notFound(ctx: VerisoulContext, detail: string): Response {
  return htmlResponse(errorPage("en", detail), { status: 404, coop: ctx.scenario.coop });
}

/** `/photos/{id}.jpg`: a placeholder image for sessions that scanned a face, 404 otherwise. */
function photo(ctx: VerisoulContext, path: string): Response | null {
  const match = /^\/photos\/([^/]+)\.jpg$/.exec(path);
  if (!match) return null;
  const session = ctx.sessions.get(decodeURIComponent(match[1] ?? ""));
  return session?.face ? placeholderJpeg() : notFound(ctx, "No photo for this session");
}

async function route(ctx: VerisoulContext, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const action = `${req.method} ${url.pathname}`;
  if (action === "GET /") return openSession(ctx, req, url, "desktop");
  if (action === "GET /phone") return openSession(ctx, req, url, "phone");
  if (action === "POST /complete" || action === "GET /complete") {
    return completeSession(ctx, req, url);
  }
  if (action === "GET /sim.css") return cssResponse();
  if (action === "GET /favicon.ico") return new Response(null, { status: 204 });
  if (req.method === "GET") {
    const image = photo(ctx, url.pathname);
    if (image) return image;
    if (/^\/videos\/[^/]+\.webm$/.test(url.pathname)) {
      return notFound(ctx, "The simulator records no video");
    }
  }
  return notFound(ctx, `Nothing at ${req.method} ${url.pathname}`);
}

/**
 * The hosted-app origin of the Verisoul simulator (`app.sandbox.verisoul.ai`): capture page,
 * desktop hand-off, `/phone`, `/complete`, `/sim.css`, placeholder photos. Pages carry a
 * script-free CSP and, with `scenario.coop`, `Cross-Origin-Opener-Policy: same-origin`.
 * @example
 * const app = createVerisoulApp(ctx);
 * await app(new Request(`http://app.test/?session_id=${id}&redirect_url=${encodeURIComponent(cb)}`));
 */
export function createVerisoulApp(ctx: VerisoulContext): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      await sleep(ctx.scenario.latencyMs);
      return await route(ctx, req);
    } catch (error) {
      console.error("[facekit simulator] verisoul app failed", error);
      return htmlResponse(errorPage("en", "The simulator failed; see its console."), {
        status: 500,
        coop: ctx.scenario.coop,
      });
    }
  };
}
