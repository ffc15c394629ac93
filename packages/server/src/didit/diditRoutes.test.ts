import { createDiditHarness, loadPhotos } from "@facekit/test-utils/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

let photos: Awaited<ReturnType<typeof loadPhotos>>;
beforeAll(async () => {
  photos = await loadPhotos();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("POST didit/grant", () => {
  it("grants one upload with the limits, for a signed-in account only", async () => {
    const t = createDiditHarness();
    const grant = await t.grant();
    expect(grant).toMatchObject({
      maxBytes: 5 * 1024 * 1024,
      types: ["image/jpeg", "image/png", "image/webp", "image/tiff"],
      reference: "upload",
    });
    expect(grant.expiresAt - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(grant.expiresAt - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    t.auth.current = null;
    await expect(t.grant()).rejects.toThrow(/unauthorized/);
  });

  it("says the backend holds the reference when getReferenceImage is configured", async () => {
    const t = createDiditHarness({ getReferenceImage: () => photos.personA });
    expect((await t.grant()).reference).toBe("server");
  });
});

describe("POST didit/compare", () => {
  it("approves the same person, with Didit's score, and keeps the whole answer server-side", async () => {
    const t = createDiditHarness();
    const { status, body } = await t.compare(await t.grant(), {
      selfie: photos.personA2,
      reference: photos.personA,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "approved",
      warnings: [],
      faces: { selfie: 1, reference: 1 },
    });
    expect(body.score).toBeGreaterThan(30);
    expect(Object.keys(body).sort()).toEqual(["faces", "requestId", "score", "status", "warnings"]);
    const [event] = t.results;
    expect(event?.accountId).toBe("acct-1");
    expect(event?.body.face_match.user_image?.entities?.[0]?.bbox).toHaveLength(4);
    // vendor_data is the account, from the server: Didit's saved decision says so.
    expect((await t.client.getDecision(body.requestId ?? "")).vendor_data).toBe("acct-1");
  });

  it("declines another person with Didit's warning, and a photo with no face", async () => {
    const t = createDiditHarness();
    const other = await t.compare(await t.grant(), {
      selfie: photos.personB,
      reference: photos.personA,
    });
    expect(other.body).toMatchObject({ status: "declined" });
    expect(other.body.warnings?.map((w) => w.code)).toEqual(["LOW_FACE_MATCH_SIMILARITY"]);
    const none = await t.compare(await t.grant(), {
      selfie: photos.noFace,
      reference: photos.personA,
    });
    expect(none.body).toMatchObject({ status: "declined", score: null });
    expect(none.body.warnings?.map((w) => w.code)).toEqual(["NO_REFERENCE_IMAGE"]);
  });

  it("decides with the server's threshold; the browser cannot send one", async () => {
    const t = createDiditHarness({ threshold: 100 });
    const { body } = await t.compare(await t.grant(), {
      selfie: photos.personA2,
      reference: photos.personA,
      face_match_score_decline_threshold: "0",
      vendor_data: "acct-evil",
    });
    expect(body.status).toBe("declined");
    expect((await t.client.getDecision(body.requestId ?? "")).vendor_data).toBe("acct-1");
  });

  it("compares with the photo the backend holds; none on file is account_not_found", async () => {
    let held: Blob | null = photos.personA;
    const t = createDiditHarness({
      getReferenceImage: (account) => (account === "acct-1" ? held : null),
    });
    const ok = await t.compare(await t.grant(), { selfie: photos.personA2 });
    expect(ok.body.status).toBe("approved");
    expect(t.results[0]?.reference).toBe("server");
    // A reference photo sent anyway is ignored: the backend's is the one compared.
    const smuggled = await t.compare(await t.grant(), {
      selfie: photos.personB,
      reference: photos.personB,
    });
    expect(smuggled.body.status).toBe("declined");
    held = null;
    // Said at the grant already, before any upload.
    await expect(t.grant()).rejects.toThrow(/account_not_found/);
    expect(t.sim.stats().faceMatchRequests).toBe(2);
  });
});
