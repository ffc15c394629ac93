import { describe, expect, it } from "vitest";
import { createTestDriver } from "./createTestDriver.ts";
import { createVerisoulSimulator } from "./createVerisoulSimulator.ts";

describe("POST /liveness/verify-face errors by session state", () => {
  const cases: [string, (t: ReturnType<typeof createTestDriver>) => Promise<string>, string][] = [
    ["unknown", async () => crypto.randomUUID(), "session_not_found"],
    ["created", (t) => t.mint(), "session_not_started"],
    [
      "started",
      async (t) => {
        const id = await t.mint();
        await t.open(id);
        return id;
      },
      "session_not_complete",
    ],
    [
      "camera denied",
      (t) => t.run("new", "failed_to_get_camera_permission"),
      "session_not_complete",
    ],
    ["left", (t) => t.run("new", "failed_to_complete_face_scan"), "session_not_complete"],
    ["liveness failed", (t) => t.run("new", "liveness_check_failed"), "liveness_check_failed"],
    ["id check", (t) => t.mint("?id=true"), "session_not_valid_for_this_endpoint"],
  ];

  for (const [state, make, error] of cases) {
    it(`${state} -> ${error} on verify-face, verify-identity and enroll`, async () => {
      const sim = createVerisoulSimulator();
      const t = createTestDriver(sim);
      const id = await make(t);
      for (const answer of [
        await t.verifyFace(id),
        await t.verifyIdentity(id, "acct-1"),
        await t.enroll(id, "acct-1"),
      ]) {
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ request_id: expect.any(String), success: false, error });
      }
    });
  }

  it("refuses malformed bodies with a flat 400", async () => {
    const t = createTestDriver(createVerisoulSimulator());
    for (const body of [{}, { session_id: "nope" }, "not json", [1]]) {
      const res = await t.call("POST", "/liveness/verify-face", body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
    }
    const id = await t.run();
    expect((await t.call("POST", "/liveness/enroll", { session_id: id })).status).toBe(400);
    const blank = await t.call("POST", "/liveness/verify-identity", {
      session_id: id,
      account_id: "",
    });
    expect(blank.status).toBe(400);
  });
});
