import { createDiditHarness, loadPhotos } from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";

let photos: Awaited<ReturnType<typeof loadPhotos>>;
beforeAll(async () => {
  photos = await loadPhotos();
});

describe("didit/compare refuses one photo sent as both selfie and reference", () => {
  it("the very same file: refused before paying", async () => {
    const t = createDiditHarness();
    const same = await t.compare(await t.grant(), {
      selfie: photos.personA,
      reference: photos.personA,
    });
    expect([same.status, same.body.error?.code]).toEqual([422, "invalid_image"]);
    expect(same.body.error?.message).toMatch(/same photo \(the same file\)/);
    expect(t.sim.stats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
  });

  const copies: [string, () => Blob][] = [
    ["with one byte appended", () => new Blob([photos.personA, new Uint8Array([0])])],
    ["re-encoded at another quality", () => photos.personAReencoded],
  ];
  for (const [what, copy] of copies) {
    it(`the same photo ${what}: Didit's score shows it is a copy, refused, no onResult`, async () => {
      const t = createDiditHarness();
      const answer = await t.compare(await t.grant(), {
        selfie: copy(),
        reference: photos.personA,
      });
      expect([answer.status, answer.body.error?.code]).toEqual([422, "invalid_image"]);
      expect(answer.body.error?.message).toMatch(/same photo \(Didit scored them (100|99\.\d+)\)/);
      // The rule reads the score, so this one was paid for (decision 0012); nothing is recorded.
      expect(t.sim.stats()).toMatchObject({ faceMatchRequests: 1, creditsSpent: 1 });
      expect(t.results).toEqual([]);
    });
  }

  it("still approves a second shot of the same person, and a held reference is never judged a copy", async () => {
    const t = createDiditHarness();
    const second = await t.compare(await t.grant(), {
      selfie: photos.personA2,
      reference: photos.personA,
    });
    expect(second.body.status).toBe("approved");
    const held = createDiditHarness({ getReferenceImage: () => photos.personA });
    const same = await held.compare(await held.grant(), { selfie: photos.personA });
    expect([same.status, same.body.status, same.body.score]).toEqual([200, "approved", 100]);
  });
});
