import { createDiditSimulator, defaultDiditKey } from "@facekit/simulator";
import { loadPhotos } from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createDiditClient } from "./createDiditClient.ts";

let photos: Awaited<ReturnType<typeof loadPhotos>>;
beforeAll(async () => {
  photos = await loadPhotos();
});

function setup(options: Parameters<typeof createDiditSimulator>[0] = {}, apiKey = defaultDiditKey) {
  const sim = createDiditSimulator(options);
  const client = createDiditClient({
    apiKey,
    baseUrl: "https://didit.test",
    fetch: (input, init) => sim.api(new Request(input, init)),
  });
  return { sim, client };
}

describe("createDiditClient", () => {
  it("sends multipart with files named by their real type, and reads Didit's answer", async () => {
    const { client } = setup();
    const body = await client.compare({
      userImage: photos.noFace, // a PNG, whatever a caller might call it
      refImage: photos.personA,
      saveApiRequest: false,
    });
    expect(body.face_match).toMatchObject({ status: "Declined", score: 0 });
    expect(body.face_match.warnings.map((w) => w.risk)).toEqual(["NO_REFERENCE_IMAGE"]);
  });

  it("refuses what Didit would refuse before paying for it", async () => {
    const { sim, client } = setup();
    const text = new Blob(["not an image"]);
    await expect(
      client.compare({ userImage: text, refImage: photos.personA }),
    ).rejects.toMatchObject({
      code: "invalid_image",
    });
    await expect(
      client.compare({ userImage: photos.personA, refImage: photos.personA, threshold: 101 }),
    ).rejects.toMatchObject({ code: "misconfigured" });
    expect(sim.stats().requests).toBe(0);
  });

  it.each([
    ["no credits", { credits: 0 }, defaultDiditKey, "no_credits"],
    ["a wrong key", {}, "wrong-key", "vendor_misconfigured"],
  ] as const)("maps %s to %s", async (_, options, key, code) => {
    const { client } = setup(options, key);
    await expect(
      client.compare({ userImage: photos.personA, refImage: photos.personA }),
    ).rejects.toMatchObject({ code });
  });

  it("maps 429 to rate_limited with Didit's Retry-After", async () => {
    const { client } = setup({ rateLimitPerMinute: 1 });
    await client.compare({ userImage: photos.personA, refImage: photos.personA });
    const error = await client
      .compare({ userImage: photos.personA, refImage: photos.personA })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited" });
    expect((error as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
  });

  it("maps a 5xx to vendor_unavailable and never retries (a retry could bill twice)", async () => {
    const { sim, client } = setup();
    sim.setScenario({ failNext: { status: 503, count: 1 } });
    await expect(
      client.compare({ userImage: photos.personA, refImage: photos.personA }),
    ).rejects.toMatchObject({ code: "vendor_unavailable" });
    expect(sim.stats().faceMatchRequests).toBe(1);
  });

  it("maps Didit's 400 for an oversize file to invalid_image", async () => {
    const { client } = setup();
    const big = new Blob([photos.personA, new Uint8Array(5 * 1024 * 1024)]);
    await expect(
      client.compare({ userImage: big, refImage: photos.personA }),
    ).rejects.toMatchObject({
      code: "invalid_image",
      vendorCode: "user_image",
    });
  });
});
