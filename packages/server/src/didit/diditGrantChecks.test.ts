import { createDiditHarness, loadPhotos } from "@facekit/test-utils/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

let photos: Awaited<ReturnType<typeof loadPhotos>>;
beforeAll(async () => {
  photos = await loadPhotos();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Nothing reached Didit and no credit was spent. */
function expectNoVendorCall(t: ReturnType<typeof createDiditHarness>) {
  expect(t.sim.stats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
}

describe("didit/compare refuses before any paid call", () => {
  it("a missing, forged or foreign grant", async () => {
    const t = createDiditHarness();
    const files = { selfie: photos.personA2, reference: photos.personA };
    const missing = await t.compare(null, files);
    expect([missing.status, missing.body.error?.code]).toEqual([404, "session_invalid"]);
    const grant = await t.grant();
    const forged = await t.compare({ token: `${grant.token.slice(0, -4)}AAAA` }, files);
    expect(forged.body.error?.code).toBe("session_invalid");
    t.auth.current = { accountId: "acct-2" };
    expect((await t.compare(grant, files)).body.error?.code).toBe("session_invalid");
    expectNoVendorCall(t);
  });

  it("an expired grant (410) and a replayed one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = createDiditHarness();
    const files = { selfie: photos.personA2, reference: photos.personA };
    const old = await t.grant();
    vi.advanceTimersByTime(5 * 60_000 + 1000);
    const expired = await t.compare(old, files);
    expect([expired.status, expired.body.error?.code]).toEqual([410, "session_expired"]);
    const grant = await t.grant();
    expect((await t.compare(grant, files)).status).toBe(200);
    const replay = await t.compare(grant, files);
    expect([replay.status, replay.body.error?.code]).toEqual([404, "session_invalid"]);
    expect(replay.body.error?.message).toMatch(/already used/);
    expect(t.sim.stats()).toMatchObject({ faceMatchRequests: 1, creditsSpent: 1 });
  });

  it("a file that is not an image, whatever its name says, and a missing photo", async () => {
    const t = createDiditHarness();
    const text = new Blob(["just some text, not a photo"], { type: "image/jpeg" });
    const fake = await t.compare(await t.grant(), { selfie: text, reference: photos.personA });
    expect([fake.status, fake.body.error?.code]).toEqual([422, "invalid_image"]);
    const alone = await t.compare(await t.grant(), { selfie: photos.personA });
    expect(alone.body.error?.code).toBe("invalid_image");
    expect(alone.body.error?.message).toMatch(/reference/);
    expectNoVendorCall(t);
  });

  it("an image over the limit, by content-length and while streaming", async () => {
    const t = createDiditHarness({ maxImageBytes: 200_000 });
    const big = new Blob([photos.personA, new Uint8Array(200_000)]);
    // Refused on the declared length alone: the body is never read.
    const g0 = await t.grant();
    const declared = await t.compare(
      g0,
      {},
      {
        body: "--x--",
        headers: {
          "x-facekit-grant": g0.token,
          "content-type": "multipart/form-data; boundary=x",
          "content-length": "999999999",
        },
      },
    );
    expect([declared.status, declared.body.error?.code]).toEqual([413, "image_too_large"]);
    // A streamed body has no content-length: the route counts while it reads.
    const encoded = new Response(formOf(big));
    const grant = await t.grant();
    const streamed = await t.compare(grant, {}, {
      body: encoded.body,
      headers: {
        "x-facekit-grant": grant.token,
        "content-type": encoded.headers.get("content-type") ?? "",
      },
      duplex: "half",
    } as RequestInit);
    expect(streamed.body.error?.code).toBe("image_too_large");
    expectNoVendorCall(t);
    // The declared length was refused before the grant was spent: it still uploads photos that fit.
    const files = { selfie: photos.personA2, reference: photos.personA };
    expect((await t.compare(g0, files)).status).toBe(200);
  });

  it("a second upload of an account while its first is under way, and past the hourly quota", async () => {
    const t = createDiditHarness({ maxComparesPerHour: 2 });
    t.sim.setScenario({ latencyMs: 200 });
    const files = { selfie: photos.personA2, reference: photos.personA };
    const [g1, g2] = [await t.grant(), await t.grant()];
    const [first, second] = await Promise.all([t.compare(g1, files), t.compare(g2, files)]);
    expect(first.status).toBe(200);
    expect([second.status, second.body.error?.code]).toEqual([429, "rate_limited"]);
    expect((await t.compare(await t.grant(), files)).status).toBe(200);
    await expect(t.grant()).rejects.toThrow(/rate_limited/); // the hour is used up
    expect(t.sim.stats().faceMatchRequests).toBe(2);
  });

  it("a body that is not multipart", async () => {
    const t = createDiditHarness();
    const grant = await t.grant();
    const json = await t.compare(
      grant,
      {},
      {
        body: "{}",
        headers: { "x-facekit-grant": grant.token, "content-type": "application/json" },
      },
    );
    expect([json.status, json.body.error?.code]).toEqual([400, "bad_request"]);
    expectNoVendorCall(t);
  });
});

function formOf(selfie: Blob): FormData {
  const form = new FormData();
  form.set("selfie", selfie, "selfie.jpg");
  return form;
}
