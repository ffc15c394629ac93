/**
 * Drives the live simulator behind Storybook (started by `.storybook/facekitStoryBackend.ts`):
 * scenario changes, and what a person would do on the hosted page, for play functions.
 */
import {
  createFaceSignBackendClient,
  createVerisoulBackendClient,
  type FaceMatchSession,
  type FaceSignSession,
} from "@facekit/core";

interface StoryConfig {
  verisoul: { apiUrl: string; appUrl: string };
  facesign: { apiUrl: string; appUrl: string };
  didit: { apiUrl: string };
}

let config: Promise<StoryConfig> | undefined;
const storyConfig = () => {
  config ??= fetch("/__facekit-story/config").then((r) => r.json() as Promise<StoryConfig>);
  return config;
};

/** Posts a scenario patch to a simulator's control route. */
async function postScenario(apiUrl: string, patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${apiUrl}/__simulator/scenario`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  if (!response.ok) throw new Error(`scenario refused: ${await response.text()}`);
}

/** Resets the Verisoul simulator, then applies a scenario patch (latency, faults...). */
export async function setStoryScenario(patch: Record<string, unknown> = {}): Promise<void> {
  const { verisoul } = await storyConfig();
  await fetch(`${verisoul.apiUrl}/__simulator/reset`, { method: "POST" });
  await postScenario(verisoul.apiUrl, { simulateDelayMs: 0, ...patch });
}

/** Changes the Verisoul simulator's scenario mid-story, keeping its sessions (e.g. latency). */
export async function patchStoryScenario(patch: Record<string, unknown>): Promise<void> {
  await postScenario((await storyConfig()).verisoul.apiUrl, patch);
}

/**
 * A Face Match session minted by Storybook's backend whose token was then altered, as a tampered
 * or foreign session would arrive: the backend's result route refuses it.
 */
export async function mintTamperedFaceMatchSession(): Promise<FaceMatchSession> {
  const session = await createVerisoulBackendClient({
    endpoint: "/api/facekit",
  }).mintFaceMatchSession();
  return { ...session, token: `${session.token.slice(0, -4)}AAAA` };
}

/** Resolves once the popup has opened the hosted page (the simulator marks the session started). */
async function whenStarted(apiUrl: string, sessionId: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const response = await fetch(`${apiUrl}/__simulator/sessions/${sessionId}`);
    const session = response.ok ? ((await response.json()) as { state: string }) : null;
    if (session && session.state !== "created") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the hosted page never opened session ${sessionId}`);
}

/** Resolves once the popup shows the hosted capture page of `sessionId`. */
export async function whenCaptureOpen(sessionId: string): Promise<void> {
  await whenStarted((await storyConfig()).verisoul.apiUrl, sessionId);
}

/**
 * Submits the hosted capture form for a session, as the person in the popup would (the popup
 * is another window, so the play function posts the same form itself once the page is open).
 */
export async function finishCapture(sessionId: string, outcome: string): Promise<void> {
  const { verisoul } = await storyConfig();
  await whenStarted(verisoul.apiUrl, sessionId);
  const body = new URLSearchParams({
    session_id: sessionId,
    redirect_url: `${location.origin}/__facekit-story/callback.html`,
    outcome,
    face: "new",
  });
  await fetch(`${verisoul.appUrl}/complete`, { method: "POST", mode: "no-cors", body });
}

/**
 * Ends the hosted capture with `outcome` the way the person's browser would: the capture form is
 * posted from a hidden frame, so Verisoul's redirect lands on the story's callback page, which
 * hands the outcome to the story (outcomes that only the redirect carries, e.g. a denied camera).
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
  const fields = {
    session_id: sessionId,
    redirect_url: `${location.origin}/__facekit-story/callback.html`,
    outcome,
    face: "new",
  };
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

/** Resets the FaceSign simulator, then applies a scenario patch (`latencyMs`, `failNext`...). */
export async function setFaceSignScenario(patch: Record<string, unknown> = {}): Promise<void> {
  const { facesign } = await storyConfig();
  await fetch(`${facesign.apiUrl}/__simulator/reset`, { method: "POST" });
  await postScenario(facesign.apiUrl, { latencyMs: 0, ...patch });
}

/** Changes the FaceSign simulator's scenario mid-story, keeping its sessions (e.g. an outage). */
export async function patchFaceSignScenario(patch: Record<string, unknown>): Promise<void> {
  await postScenario((await storyConfig()).facesign.apiUrl, patch);
}

/**
 * A session handed over as the `clientSecret` prop whose secret was then replaced through the
 * backend's refresh route, as after a refresh in another tab: FaceSign refuses it.
 */
export async function mintStaleFaceSignSession(): Promise<FaceSignSession> {
  const backend = createFaceSignBackendClient({ endpoint: "/api/facekit" });
  const session = await backend.mintFaceSignSession();
  await backend.refreshFaceSignSession(session.sessionId);
  return session;
}

/** A FaceSign session minted for another account (Storybook's `/api/facekit-login` user). */
export async function mintForeignFaceSignSession(): Promise<FaceSignSession> {
  return createFaceSignBackendClient({ endpoint: "/api/facekit-login" }).mintFaceSignSession();
}

/**
 * A session the person already left in another tab, handed over again as a `clientSecret` whose
 * secret has run out: it can be neither shown nor refreshed.
 */
export async function mintFinishedFaceSignSession(): Promise<FaceSignSession> {
  const session = await createFaceSignBackendClient({
    endpoint: "/api/facekit",
  }).mintFaceSignSession();
  await fetch(session.url, { mode: "no-cors" }); // the hosted page opens: inProgress
  await answerFaceSign(session.sessionId, session.url, ["leave"]);
  return { ...session, expireAt: Date.now() - 1000 };
}

interface FaceSignSessionView {
  status: string;
  currentNodeId: string | null;
}

async function faceSignSession(apiUrl: string, sessionId: string): Promise<FaceSignSessionView> {
  const response = await fetch(`${apiUrl}/__simulator/sessions/${sessionId}`);
  if (!response.ok) throw new Error(`no FaceSign session ${sessionId}`);
  return (await response.json()) as FaceSignSessionView;
}

/** Resolves once the iframe has opened the hosted page (the session is `inProgress`). */
async function whenFaceSignOpen(apiUrl: string, sessionId: string): Promise<FaceSignSessionView> {
  for (let i = 0; i < 50; i++) {
    const session = await faceSignSession(apiUrl, sessionId);
    if (session.status !== "created") return session;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the iframe never opened FaceSign session ${sessionId}`);
}

/**
 * Answers the hosted FaceSign steps as the person in the iframe would: posts the page's `/step`
 * form (`cs` from the iframe's `src`, `node`, `choice`) once per choice, `"0"` for a step's first
 * outcome or `"leave"`. The iframe is cross-origin, so the play function posts the same form
 * itself once the page is open.
 */
export async function answerFaceSign(
  sessionId: string,
  iframeSrc: string,
  choices: string[],
): Promise<void> {
  const { facesign } = await storyConfig();
  const cs = new URL(iframeSrc).searchParams.get("cs") ?? "";
  let session = await whenFaceSignOpen(facesign.apiUrl, sessionId);
  for (const choice of choices) {
    if (!session.currentNodeId) throw new Error(`FaceSign session ${sessionId} has ended`);
    const body = new URLSearchParams({ cs, node: session.currentNodeId, choice });
    await fetch(`${facesign.appUrl}/step`, { method: "POST", mode: "no-cors", body });
    session = await faceSignSession(facesign.apiUrl, sessionId);
  }
}

/** Resets the Didit simulator (credits, counters), then applies a scenario patch. */
export async function setDiditScenario(patch: Record<string, unknown> = {}): Promise<void> {
  const { didit } = await storyConfig();
  await fetch(`${didit.apiUrl}/__simulator/reset`, { method: "POST" });
  await postScenario(didit.apiUrl, patch);
}

/** One of the simulator's test photos, as the file a person would pick. */
export async function diditPhoto(
  name: "personA" | "personA2" | "personB" | "noFace",
): Promise<File> {
  const response = await fetch(`/__facekit-story/photos/${name}`);
  const type = response.headers.get("content-type") ?? "image/jpeg";
  return new File([await response.blob()], `${name}.${type === "image/png" ? "png" : "jpg"}`, {
    type,
  });
}
