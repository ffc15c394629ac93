import { signFaceSignWebhook } from "@facekit/simulator";
import { testWebhookSecret } from "./createFaceSignHarness.ts";

/**
 * A FaceSign webhook as FaceSign signs it (with {@link testWebhookSecret}), as `fetch`/`Request`
 * options; `type` defaults to `session.status`, `createdAt` to now. One init can be sent many
 * times (replays).
 * @example
 * const init = await signedWebhook({ id: "evt_1", sessionId });
 * await handler(new Request(testWebhookUrl, init));
 */
export async function signedWebhook(event: {
  id: string;
  sessionId?: string;
  type?: string;
  createdAt?: number;
}): Promise<RequestInit> {
  const body = JSON.stringify({ type: "session.status", createdAt: Date.now(), ...event });
  const signature = await signFaceSignWebhook(body, testWebhookSecret);
  return {
    method: "POST",
    headers: { "content-type": "application/json", "x-facesign-signature": signature },
    body,
  };
}
