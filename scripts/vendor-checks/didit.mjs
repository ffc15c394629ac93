/**
 * Didit against the real API with a **sandbox** key (Didit: sandbox keys validate the request,
 * then answer a static Approved payload, store nothing and spend no credit). One call per route
 * FaceKit uses, through FaceKit's own client (its tolerant parser is what is tested), plus one
 * call with a wrong key (403 before any processing). A live key would spend one credit: the check
 * stops when the answer does not look like the sandbox's (two different people declined).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { FaceKitError, toSelfieCompareResult } from "@facekit/core/protocol";
import { createDiditClient } from "@facekit/server";
import { diditFixturePaths } from "@facekit/simulator/node";

export const vendor = "Didit";
export const env = "DIDIT_API_KEY";

const baseUrl = process.env.DIDIT_BASE_URL ?? "https://verification.didit.me";
const documented403 = { detail: "You do not have permission to perform this action." };

const photo = async (path) => new Blob([new Uint8Array(await readFile(path))]);

/** Runs the checks; answers what was seen, one line per route. */
export async function run(key) {
  const paths = diditFixturePaths();
  const [selfie, reference] = [await photo(paths.personB), await photo(paths.personA)];
  const seen = [];

  const wrong = createDiditClient({ apiKey: "facekit-check-invalid-key", baseUrl });
  const refused = await wrong.compare({ userImage: selfie, refImage: reference }).catch((e) => e);
  assert.ok(refused instanceof FaceKitError, "a wrong key is refused");
  assert.equal(refused.code, "vendor_misconfigured", "a wrong key is vendor_misconfigured");
  assert.equal(refused.cause?.status, 403, "a wrong key is 403 (never 401)");
  assert.deepEqual(refused.cause?.body, documented403, "a wrong key gets the documented body");
  seen.push("POST /v3/face-match/ with a wrong key -> 403, the documented body");

  const client = createDiditClient({ apiKey: key, baseUrl });
  const metadata = { source: "facekit check:vendors" };
  const body = await client.compare({
    userImage: selfie,
    refImage: reference,
    vendorData: "facekit-contract-check",
    metadata,
  });
  assert.equal(body.face_match.status, "Approved", "sandbox: the static Approved answer");
  assert.ok(body.face_match.score === null || typeof body.face_match.score === "number");
  assert.ok(Array.isArray(body.face_match.warnings), "face_match.warnings is an array");
  assert.equal(body.vendor_data, "facekit-contract-check", "vendor_data is echoed");
  assert.deepEqual(body.metadata, metadata, "metadata is echoed");
  assert.match(
    String(body.created_at),
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/,
  );
  const result = toSelfieCompareResult(body);
  const images = ["user_image", "ref_image"].filter((f) => f in body.face_match).join(", ");
  seen.push(
    `POST /v3/face-match/ -> ${result.status}, score ${result.score}, created_at ${body.created_at}, image reports: ${images || "none"}`,
  );

  const decision = await client.getDecision(body.request_id).catch((e) => e);
  if (decision instanceof FaceKitError) {
    assert.equal(decision.code, "session_invalid", "an unknown request id is session_invalid");
    seen.push("GET /v3/session/{id}/decision/ -> 404 (sandbox: nothing stored)");
  } else {
    assert.ok(Array.isArray(decision.face_matches), "decision: face_matches[]");
    seen.push(`GET /v3/session/{id}/decision/ -> status ${decision.status} (the call was stored)`);
  }
  return seen;
}
