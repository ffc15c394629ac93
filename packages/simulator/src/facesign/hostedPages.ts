import type { FaceSignNode } from "@facekit/core/protocol";
import { escapeHtml, renderPage } from "../internal/htmlResponse.ts";
import { flowOutcomes } from "./flowOutcomes.ts";
import { nodeText } from "./walkFlow.ts";

/** Banner text of every FaceSign page. */
const facesignBadge = "Simulated FaceSign";

/**
 * A page with a heading and one status line (refused secrets, finished sessions, 404s).
 * @example
 * htmlResponse(messagePage("en", "Link expired", "Ask for a new link."), { status: 410 });
 */
export function messagePage(lang: string, heading: string, detail: string, isError = true): string {
  const main = `<h1>${escapeHtml(heading)}</h1>
<p class="status${isError ? " error" : ""}" role="${isError ? "alert" : "status"}">${escapeHtml(detail)}</p>`;
  return renderPage({ lang, title: `${heading} · ${facesignBadge}`, badge: facesignBadge, main });
}

/**
 * One step of the flow: the avatar's words (or what the node does) and one submit button per
 * outcome, plus "Leave". Forms post to `/step`; no script, so it works under a script-free CSP.
 * @example
 * htmlResponse(stepPage("en", secret, node));
 */
export function stepPage(lang: string, secret: string, node: FaceSignNode): string {
  const buttons = flowOutcomes(node).map(
    (o, i) =>
      `<button type="submit" name="choice" value="${i}"${i === 0 ? ' class="primary"' : ""}>${escapeHtml(o.label)}</button>`,
  );
  const speaker = node.type === "conversation" ? "Avatar says" : `Step: ${node.type}`;
  const main = `<h1>${escapeHtml(speaker)}</h1>
<div class="camera" role="img" aria-label="Simulated avatar video">Simulated avatar</div>
<p class="status">${escapeHtml(nodeText(node))}</p>
<form method="post" action="/step">
<input type="hidden" name="cs" value="${escapeHtml(secret)}">
<input type="hidden" name="node" value="${escapeHtml(node.id)}">
<div class="actions">
${buttons.join("\n")}
<button type="submit" name="choice" value="leave">Leave</button>
</div>
</form>
<p class="muted">Node <code>${escapeHtml(node.id)}</code></p>`;
  return renderPage({ lang, title: `Verification · ${facesignBadge}`, badge: facesignBadge, main });
}
