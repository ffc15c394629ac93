import { htmlResponse } from "../internal/htmlResponse.ts";
import { placeholderJpeg } from "../internal/placeholderJpeg.ts";
import { readLimitedText } from "../internal/readLimitedText.ts";
import { cssResponse } from "../internal/simCss.ts";
import { sleep } from "../internal/sleep.ts";
import { facesignLangs } from "./catalogRoutes.ts";
import type { FaceSignContext, FaceSignRecord } from "./createFaceSignContext.ts";
import { messagePage, stepPage } from "./hostedPages.ts";
import { isFinished } from "./sessionLifecycle.ts";
import { chooseOutcome, currentNode, leaveFlow, openFlow } from "./walkFlow.ts";

const page = (status: number, heading: string, detail: string, isError = true) =>
  htmlResponse(messagePage("en", heading, detail, isError), { status });

/** The session a secret opens, or the page refusing it (403 unknown/replaced, 410 expired/finished). */
function resolve(ctx: FaceSignContext, secret: string | null): FaceSignRecord | Response {
  const id = secret ? ctx.secrets.get(secret) : undefined;
  if (id === undefined) return page(403, "Invalid link", "This verification link is not valid.");
  const record = id === null ? undefined : ctx.sessions.get(id);
  if (!record) {
    return page(
      403,
      "Link replaced",
      "This link was replaced by a newer one. Use the latest link.",
    );
  }
  if (isFinished(record)) {
    return page(410, "Session finished", "This verification session has already ended.");
  }
  if (ctx.now() >= record.clientSecret.expireAt) {
    return page(410, "Link expired", "This verification link has expired. Ask for a new one.");
  }
  return record;
}

/** First `Accept-Language` entry the session allows (`fr-CA` -> `fr`), else `defaultLang`. */
function pickLang(record: FaceSignRecord, header: string | null): string {
  const allowed = record.session.settings.langs ?? facesignLangs.map((l) => l.id);
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim() ?? "";
    const hit = allowed.find((l) => l.toLowerCase() === tag.toLowerCase());
    const base = allowed.find((l) => l.toLowerCase() === tag.split("-")[0]?.toLowerCase());
    if (hit ?? base) return (hit ?? base) as string;
  }
  return record.session.settings.defaultLang ?? "en";
}

function showCurrent(record: FaceSignRecord, secret: string): Response {
  const node = currentNode(record);
  if (node) return htmlResponse(stepPage(record.lang ?? "en", secret, node));
  return record.session.status === "complete"
    ? page(200, "Verification complete", "You can close this window.", false)
    : page(
        200,
        "Verification ended",
        "You left before finishing. You can close this window.",
        false,
      );
}

function open(ctx: FaceSignContext, req: Request, url: URL): Response {
  const secret = url.searchParams.get("cs");
  const record = resolve(ctx, secret);
  if (record instanceof Response) return record;
  openFlow(ctx, record, pickLang(record, req.headers.get("accept-language")));
  return showCurrent(record, secret as string);
}

async function step(ctx: FaceSignContext, req: Request): Promise<Response> {
  const text = await readLimitedText(req);
  if (text === null) return page(400, "Bad request", "The form is too large.");
  const form = new URLSearchParams(text);
  const secret = form.get("cs");
  const record = resolve(ctx, secret);
  if (record instanceof Response) return record;
  const back = () =>
    new Response(null, {
      status: 303,
      headers: { location: `/?cs=${secret}`, "cache-control": "no-store" },
    });
  if (record.session.status !== "inProgress" || form.get("node") !== record.currentNodeId) {
    return back(); // not opened yet, or a stale form: show where the session really is
  }
  const choice = form.get("choice");
  if (choice === "leave") leaveFlow(ctx, record);
  else if (!/^\d+$/.test(choice ?? "") || !chooseOutcome(ctx, record, Number(choice))) {
    return page(400, "Bad request", "Unknown choice for this step.");
  }
  return isFinished(record) ? showCurrent(record, secret as string) : back();
}

async function route(ctx: FaceSignContext, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const action = `${req.method} ${url.pathname}`;
  if (action === "GET /") return open(ctx, req, url);
  if (action === "POST /step") return await step(ctx, req);
  if (action === "GET /sim.css") return cssResponse();
  if (action === "GET /favicon.ico") return new Response(null, { status: 204 });
  if (req.method === "GET" && /^\/avatars\/[\w-]+\.jpg$/.test(url.pathname))
    return placeholderJpeg();
  return page(404, "Not found", `Nothing at ${action}`);
}

/**
 * The hosted-page origin of the FaceSign simulator (`session.facesign.ai`): `GET /?cs=` walks the
 * session's flow, one node per page, with `POST /step` forms. Pages carry a script-free CSP, no
 * `X-Frame-Options` (the real page is meant for an iframe) and never `postMessage` the parent:
 * FaceSign documents no browser completion signal.
 * @example
 * const app = createFaceSignApp(ctx);
 * await app(new Request(clientSecret.url));
 */
export function createFaceSignApp(ctx: FaceSignContext): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      await sleep(ctx.scenario.latencyMs);
      return await route(ctx, req);
    } catch (error) {
      console.error("[facekit simulator] facesign app failed", error);
      return page(500, "Simulator error", "The simulator failed; see its console.");
    }
  };
}
