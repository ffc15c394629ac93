import type { VerisoulVerifyFaceBody } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { createTestDriver, redirectParams } from "./createTestDriver.ts";
import { createVerisoulSimulator } from "./createVerisoulSimulator.ts";

describe("hosted flow happy path", () => {
  it("GET page -> POST /complete -> 302 keeping the callback's params -> verify-face 200", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.mint();

    const page = await t.open(id);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/complete">');
    expect(html).toContain(`<input type="hidden" name="session_id" value="${id}">`);
    expect(html).toContain(
      'name="redirect_url" value="https://shop.example/facekit/callback?flow=signup#top"',
    );
    expect(html).toContain('<input type="hidden" name="lng" value="en">');
    for (const label of [
      "Complete scan (success)",
      "Deny camera",
      "Leave before finishing",
      "Fail liveness",
    ]) {
      expect(html).toContain(`>${label}</button>`);
    }
    expect(html).toContain('<label for="face">');
    expect(html).toContain("Simulated Verisoul");
    expect(sim.session(id)?.state).toBe("started");

    const done = await t.complete(id, "success", "alice");
    expect(done.status).toBe(302);
    const location = new URL(done.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe("https://shop.example/facekit/callback");
    expect(location.hash).toBe("#top");
    expect([...location.searchParams]).toEqual([
      ["flow", "signup"],
      ["session_id", id],
      ["success", "true"],
    ]);
    expect(sim.session(id)).toMatchObject({
      state: "completed",
      outcome: "success",
      face: "person:alice",
    });

    const verdict = await t.verifyFace(id);
    expect(verdict.status).toBe(200);
    expect((verdict.body as VerisoulVerifyFaceBody).decision).toBe("Real");
  });

  it("redirects failures with error_message and without success=true", async () => {
    const t = createTestDriver(createVerisoulSimulator());
    for (const outcome of [
      "failed_to_get_camera_permission",
      "failed_to_complete_face_scan",
      "liveness_check_failed",
    ]) {
      const id = await t.mint();
      await t.open(id);
      const params = redirectParams(await t.complete(id, outcome));
      expect(Object.fromEntries(params)).toEqual({
        flow: "signup",
        session_id: id,
        success: "false",
        error_message: outcome,
      });
    }
  });

  it("defaults redirect_url to https://verisoul.ai and reports a missing session_id", async () => {
    const t = createTestDriver(createVerisoulSimulator());
    const res = await t.open(null, { redirectUrl: null });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.origin).toBe("https://verisoul.ai");
    expect(Object.fromEntries(location.searchParams)).toEqual({
      session_id: "",
      success: "false",
      error_message: "session_id_not_found",
    });
  });

  it("refuses a redirect_url that is not an absolute http(s) URL", async () => {
    const t = createTestDriver(createVerisoulSimulator());
    const res = await t.open(await t.mint(), { redirectUrl: "javascript:alert(1)" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });
});
