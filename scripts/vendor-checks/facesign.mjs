/**
 * FaceSign against its real sandbox (`sk_test_` key): one call per route FaceKit uses, through
 * FaceKit's own client (so its tolerant parsers and the `Facesign-Version` header are what is
 * tested), plus `/langs` and `/avatars`. Creates one sandbox session (sandbox data is kept 7
 * days). Production keys are refused unless FACESIGN_ALLOW_PROD=1.
 */
import assert from "node:assert/strict";
import { toFaceSignVerdict } from "@facekit/core/protocol";
import { createFaceSignClient, faceSignApiVersion } from "@facekit/server";

export const vendor = "FaceSign";
export const env = "FACESIGN_API_KEY";

const baseUrl = process.env.FACESIGN_BASE_URL ?? "https://api.facesign.ai";

/** The smallest flow FaceSign documents as valid: start -> conversation -> liveness -> end. */
const flow = [
  { id: "start", type: "start", outcome: "hello" },
  {
    id: "hello",
    type: "conversation",
    prompt: "Say: This is a FaceKit contract check.",
    outcomes: [{ id: "o1", condition: "", targetNodeId: "live" }],
  },
  {
    id: "live",
    type: "liveness_detection",
    outcomes: {
      livenessDetected: "end",
      deepfakeDetected: "end",
      noFace: "end",
      inconclusive: "end",
    },
  },
  { id: "end", type: "end" },
];

function assertSecret(secret, label) {
  assert.match(secret.secret, /^cs/, `${label}: clientSecret.secret starts with cs`);
  assert.ok(new URL(secret.url).searchParams.get("cs"), `${label}: clientSecret.url carries ?cs=`);
  assert.ok(secret.expireAt > secret.createdAt, `${label}: expireAt after createdAt`);
  assert.ok(secret.createdAt > 1e12, `${label}: createdAt in milliseconds`);
}

async function catalog(key, path, field) {
  const res = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${key}`, "facesign-version": faceSignApiVersion },
  });
  assert.equal(res.status, 200, `GET ${path} answers 200`);
  const body = await res.json();
  assert.ok(Array.isArray(body[field]) && body[field].length > 0, `GET ${path}: ${field}[]`);
  return body[field].length;
}

/** Runs the checks; answers what was seen, one line per route. */
export async function run(key) {
  if (!key.startsWith("sk_test_") && process.env.FACESIGN_ALLOW_PROD !== "1") {
    throw new Error("refusing a non-sandbox key: use sk_test_… (or set FACESIGN_ALLOW_PROD=1)");
  }
  const client = createFaceSignClient({ apiKey: key, baseUrl });
  const seen = [];
  const created = await client.createSession({
    clientReferenceId: "facekit-contract-check",
    metadata: { source: "facekit check:vendors" },
    flow,
  });
  assert.equal(created.session.status, "created", "POST /sessions: status created");
  assertSecret(created.clientSecret, "POST /sessions");
  seen.push(`POST /sessions -> ${created.session.id} (version ${created.session.version ?? "?"})`);

  const read = await client.getSession(created.session.id);
  assert.equal(read.session.id, created.session.id, "GET /sessions/{id}: same id");
  assert.equal(read.session.settings.clientReferenceId, "facekit-contract-check");
  seen.push(`GET /sessions/{id} -> status ${read.session.status}`);

  const secret = await client.refreshSecret(created.session.id);
  assertSecret(secret, "GET /sessions/{id}/refresh");
  assert.notEqual(secret.secret, created.clientSecret.secret, "refresh mints a new secret");
  seen.push("GET /sessions/{id}/refresh -> new secret");

  const list = await client.listSessions({ limit: 25 });
  assert.equal(typeof list.hasMore, "boolean", "GET /sessions: hasMore");
  const finished = list.sessions.find((s) => s.status === "complete" && s.report);
  const shape = finished?.report
    ? ["nodeReports", "deepfakeDetection", "isVerified", "livenessDetected"]
        .filter((f) => f in finished.report)
        .join(", ")
    : "no finished session listed";
  const verdict = finished ? toFaceSignVerdict(finished).outcome : "-";
  seen.push(
    `GET /sessions -> ${list.sessions.length} sessions; report fields: ${shape}; verdict ${verdict}`,
  );

  seen.push(`GET /langs -> ${await catalog(key, "/langs", "langs")} languages`);
  seen.push(`GET /avatars -> ${await catalog(key, "/avatars", "avatars")} avatars`);
  return seen;
}
