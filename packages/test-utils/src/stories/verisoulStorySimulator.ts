/**
 * Drives the live Verisoul simulator behind Storybook for play functions: scenario changes, and
 * what a person would do on the hosted capture page in the popup.
 */
import { createVerisoulBackendClient, type FaceMatchSession } from "@facekit/core";
import { poll, postScenario, resetScenario, storyConfig } from "./storySimulatorConfig.ts";

const callbackUrl = () => `${location.origin}/__facekit-story/callback.html`;

/**
 * Resets the Verisoul simulator, then applies a scenario patch (latency, faults...).
 * @example
 * beforeEach: () => setStoryScenario({ decision: "Fake" }),
 */
export async function setStoryScenario(patch: Record<string, unknown> = {}): Promise<void> {
  await resetScenario((await storyConfig()).verisoul.apiUrl, { simulateDelayMs: 0, ...patch });
}

/**
 * Changes the Verisoul simulator's scenario mid-story, keeping its sessions (e.g. latency).
 * @example
 * await patchStoryScenario({ latencyMs: 3000 });
 */
export async function patchStoryScenario(patch: Record<string, unknown>): Promise<void> {
  await postScenario((await storyConfig()).verisoul.apiUrl, patch);
}

/**
 * A Face Match session minted by Storybook's backend whose token was then altered, as a tampered
 * or foreign session would arrive: the backend's result route refuses it.
 * @example
 * beforeEach: async () => {
 *   tampered = await mintTamperedFaceMatchSession();
 * },
 */
export async function mintTamperedFaceMatchSession(): Promise<FaceMatchSession> {
  const session = await createVerisoulBackendClient({
    endpoint: "/api/facekit",
  }).mintFaceMatchSession();
  return { ...session, token: `${session.token.slice(0, -4)}AAAA` };
}

/** Resolves once the popup has opened the hosted page (the simulator marks the session started). */
async function whenStarted(apiUrl: string, sessionId: string): Promise<void> {
  await poll(async () => {
    const response = await fetch(`${apiUrl}/__simulator/sessions/${sessionId}`);
    const session = response.ok ? ((await response.json()) as { state: string }) : null;
    return session && session.state !== "created" ? true : undefined;
  }, `the hosted page never opened session ${sessionId}`);
}

/**
 * Resolves once the popup shows the hosted capture page of `sessionId`.
 * @example
 * await whenCaptureOpen(sessionId);
 */
export async function whenCaptureOpen(sessionId: string): Promise<void> {
  await whenStarted((await storyConfig()).verisoul.apiUrl, sessionId);
}

/**
 * Submits the hosted capture form for a session, as the person in the popup would (the popup
 * is another window, so the play function posts the same form itself once the page is open).
 * @example
 * await finishCapture(sessionId, "success");
 */
export async function finishCapture(sessionId: string, outcome: string): Promise<void> {
  const { verisoul } = await storyConfig();
  await whenStarted(verisoul.apiUrl, sessionId);
  const body = new URLSearchParams({
    session_id: sessionId,
    redirect_url: callbackUrl(),
    outcome,
    face: "new",
  });
  await fetch(`${verisoul.appUrl}/complete`, { method: "POST", mode: "no-cors", body });
}

/**
 * Ends the hosted capture with `outcome` the way the person's browser would: the capture form is
 * posted from a hidden frame, so Verisoul's redirect lands on the story's callback page, which
 * hands the outcome to the story (outcomes that only the redirect carries, e.g. a denied camera).
 * @example
 * await finishCaptureByRedirect(sessionId, "success");
 */
export async function finishCaptureByRedirect(sessionId: string, outcome: string): Promise<void> {
  const { verisoul } = await storyConfig();
  await whenStarted(verisoul.apiUrl, sessionId);
  const frame = document.createElement("iframe");
  frame.name = `capture-${sessionId}`;
  frame.hidden = true;
  frame.title = "Hosted capture (story)";
  const form = document.createElement("form");
  form.method = "post";
  form.action = `${verisoul.appUrl}/complete`;
  form.target = frame.name;
  const fields = { session_id: sessionId, redirect_url: callbackUrl(), outcome, face: "new" };
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(frame, form);
  form.submit();
  form.remove();
}
