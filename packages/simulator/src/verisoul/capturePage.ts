import { escapeHtml, renderPage } from "../internal/htmlResponse.ts";
import { badge, messagesFor } from "./messages.ts";
import type { HostedParams } from "./readHostedParams.ts";
import { newFaceChoice, simulatedPeople } from "./simulatedPeople.ts";
import type { CaptureOutcome } from "./types.ts";

/** The hidden fields that carry the hosted parameters through a form. */
function hiddenFields(params: HostedParams): string {
  return [
    ["session_id", params.sessionId],
    ["redirect_url", params.redirect.href],
    ["lng", params.lng],
  ]
    .map(([n, v]) => `<input type="hidden" name="${n}" value="${escapeHtml(v ?? "")}">`)
    .join("\n");
}

/**
 * The simulated capture screen: a labelled fake camera, a choice of face, and one submit button
 * per outcome, all posting to `/complete`. No script: works under a script-free CSP.
 * @example
 * htmlResponse(capturePage(params));
 */
export function capturePage(params: HostedParams): string {
  const m = messagesFor(params.lng);
  const buttons: [CaptureOutcome, string][] = [
    ["success", m.success],
    ["failed_to_get_camera_permission", m.deny],
    ["failed_to_complete_face_scan", m.leave],
    ["liveness_check_failed", m.failLiveness],
  ];
  const options = [
    `<option value="${newFaceChoice}" selected>${escapeHtml(m.newFace)}</option>`,
    ...simulatedPeople.map((p) => `<option value="${p.id}">${escapeHtml(p.name)}</option>`),
  ].join("\n");
  const main = `<h1>${escapeHtml(m.captureHeading)}</h1>
<p>${escapeHtml(m.captureIntro)}</p>
<div class="camera" role="img" aria-label="${escapeHtml(m.camera)}">${escapeHtml(m.camera)}</div>
<form method="post" action="/complete">
${hiddenFields(params)}
<label for="face">${escapeHtml(m.faceLabel)}</label>
<select id="face" name="face">
${options}
</select>
<div class="actions">
${buttons
  .map(
    ([outcome, label], i) =>
      `<button type="submit" name="outcome" value="${outcome}"${i === 0 ? ' class="primary"' : ""}>${escapeHtml(label)}</button>`,
  )
  .join("\n")}
</div>
</form>
<p class="muted">Session <code>${escapeHtml(params.sessionId)}</code></p>`;
  return renderPage({
    lang: params.lng,
    title: `${m.captureHeading} · ${badge}`,
    badge,
    main,
  });
}
