/**
 * Verisoul Face Match against its real sandbox (`https://api.sandbox.verisoul.ai`): one call per
 * route FaceKit uses, through FaceKit's own client (its tolerant parsers and error mapping are what
 * is tested). No person takes part, so the verify and enroll calls must answer Verisoul's 400
 * envelope for a session not started yet; `simulate` is checked to be a free string.
 */
import assert from "node:assert/strict";
import { FaceKitError } from "@facekit/core/protocol";
import { createVerisoulClient } from "@facekit/server";

export const vendor = "Verisoul";
export const env = "VERISOUL_API_KEY";

const baseUrl = process.env.VERISOUL_BASE_URL ?? "https://api.sandbox.verisoul.ai";

async function refusal(promise, label) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  assert.ok(error instanceof FaceKitError, `${label}: refused for a fresh session`);
  assert.equal(typeof error.vendorCode, "string", `${label}: Verisoul's error string is kept`);
  return `${label} -> ${error.code} (${error.vendorCode})`;
}

/** Runs the checks; answers what was seen, one line per route. */
export async function run(key) {
  const client = createVerisoulClient({ apiKey: key, environment: "sandbox", baseUrl });
  const seen = [];
  const { sessionId, requestId } = await client.createSession();
  assert.ok(sessionId && requestId, "GET /liveness/session: session_id and request_id");
  seen.push(`GET /liveness/session -> ${sessionId}`);
  const free = await client.createSession({ simulate: "facekit_undocumented_value" });
  assert.ok(free.sessionId, "GET /liveness/session?simulate=<any string> is accepted");
  seen.push("GET /liveness/session?simulate=<undocumented> -> 200 (a free string)");
  seen.push(await refusal(client.verifyFace(sessionId), "POST /liveness/verify-face"));
  seen.push(
    await refusal(
      client.verifyIdentity(sessionId, "facekit-check"),
      "POST /liveness/verify-identity",
    ),
  );
  seen.push(await refusal(client.enroll(sessionId, "facekit-check"), "POST /liveness/enroll"));
  return seen;
}
