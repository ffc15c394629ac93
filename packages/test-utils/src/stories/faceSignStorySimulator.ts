/**
 * Drives the live FaceSign simulator behind Storybook for play functions: scenario changes,
 * sessions in the states a real deployment meets, and answering the hosted steps in the iframe.
 */
import { createFaceSignBackendClient, type FaceSignSession } from "@facekit/core";
import { poll, postScenario, resetScenario, storyConfig } from "./storySimulatorConfig.ts";

/**
 * Resets the FaceSign simulator, then applies a scenario patch (`latencyMs`, `failNext`...).
 * @example
 * beforeEach: () => setFaceSignScenario({ latencyMs: 4000 }),
 */
export async function setFaceSignScenario(patch: Record<string, unknown> = {}): Promise<void> {
  await resetScenario((await storyConfig()).facesign.apiUrl, { latencyMs: 0, ...patch });
}

/**
 * Changes the FaceSign simulator's scenario mid-story, keeping its sessions (e.g. an outage).
 * @example
 * await patchFaceSignScenario({ failNext: { status: 503, count: 2 } });
 */
export async function patchFaceSignScenario(patch: Record<string, unknown>): Promise<void> {
  await postScenario((await storyConfig()).facesign.apiUrl, patch);
}

/**
 * A session handed over as the `session` prop whose secret was then replaced through the
 * backend's refresh route, as after a refresh in another tab: FaceSign refuses it.
 * @example
 * beforeEach: async () => {
 *   handedOver = await mintStaleFaceSignSession();
 * },
 */
export async function mintStaleFaceSignSession(): Promise<FaceSignSession> {
  const backend = createFaceSignBackendClient({ endpoint: "/api/facekit" });
  const session = await backend.mintFaceSignSession();
  await backend.refreshFaceSignSession(session.sessionId);
  return session;
}

/**
 * A FaceSign session minted for another account (Storybook's `/api/facekit-login` user).
 * @example
 * beforeEach: async () => {
 *   handedOver = await mintForeignFaceSignSession();
 * },
 */
export async function mintForeignFaceSignSession(): Promise<FaceSignSession> {
  return createFaceSignBackendClient({ endpoint: "/api/facekit-login" }).mintFaceSignSession();
}

/**
 * A session the person already left in another tab, handed over again as a `session` whose
 * secret has run out: it can be neither shown nor refreshed.
 * @example
 * beforeEach: async () => {
 *   handedOver = await mintFinishedFaceSignSession();
 * },
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

/**
 * Answers the hosted FaceSign steps as the person in the iframe would: posts the page's `/step`
 * form (`cs` from the iframe's `src`, `node`, `choice`) once per choice, `"0"` for a step's first
 * outcome or `"leave"`. The iframe is cross-origin, so the play function posts the same form
 * itself once the page is open (the session is `inProgress`).
 * @example
 * await answerFaceSign(sessionId, frame.src, ["0", "0"]);
 */
export async function answerFaceSign(
  sessionId: string,
  iframeSrc: string,
  choices: string[],
): Promise<void> {
  const { facesign } = await storyConfig();
  const cs = new URL(iframeSrc).searchParams.get("cs") ?? "";
  let session = await poll(async () => {
    const view = await faceSignSession(facesign.apiUrl, sessionId);
    return view.status !== "created" ? view : undefined;
  }, `the iframe never opened FaceSign session ${sessionId}`);
  for (const choice of choices) {
    if (!session.currentNodeId) throw new Error(`FaceSign session ${sessionId} has ended`);
    const body = new URLSearchParams({ cs, node: session.currentNodeId, choice });
    await fetch(`${facesign.appUrl}/step`, { method: "POST", mode: "no-cors", body });
    session = await faceSignSession(facesign.apiUrl, sessionId);
  }
}
