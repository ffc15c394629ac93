import { createDiditHarness, loadPhotos } from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";
import { testStores } from "../store/testStores.ts";

let photos: Awaited<ReturnType<typeof loadPhotos>>;
beforeAll(async () => {
  photos = await loadPhotos();
});

/** Two instances of one app: two handlers, one Didit simulator, one store. */
function twoInstances(
  store: ReturnType<ReturnType<typeof testStores>[number]["fresh"]>,
  didit = {},
) {
  const a = createDiditHarness(didit, { store });
  const b = createDiditHarness(didit, { store, sim: a.sim });
  return { a, b, sim: a.sim };
}

const stores = testStores();

describe.each(stores)("didit on two instances sharing one $name store", ({ fresh }) => {
  it("refuses on B a grant already used on A; Didit was called once", async () => {
    const { a, b, sim } = twoInstances(fresh());
    const files = { selfie: photos.personA2, reference: photos.personA };
    const grant = await a.grant();
    expect((await a.compare(grant, files)).status).toBe(200);
    const replay = await b.compare(grant, files);
    expect([replay.status, replay.body.error?.code]).toEqual([404, "session_invalid"]);
    expect(replay.body.error?.message).toMatch(/already used/);
    expect(sim.stats()).toMatchObject({ faceMatchRequests: 1, creditsSpent: 1 });
  });

  it("counts the hourly quota across A and B, and one upload at a time across them", async () => {
    const { a, b, sim } = twoInstances(fresh(), { maxComparesPerHour: 2 });
    const files = { selfie: photos.personA2, reference: photos.personA };
    sim.setScenario({ latencyMs: 200 });
    const [g1, g2] = [await a.grant(), await b.grant()];
    const [first, second] = await Promise.all([a.compare(g1, files), b.compare(g2, files)]);
    expect([first.status, second.status].sort()).toEqual([200, 429]);
    sim.setScenario({ latencyMs: 0 });
    expect((await b.compare(await b.grant(), files)).status).toBe(200);
    // Two comparisons in this hour, one on each instance: both refuse a third.
    for (const t of [a, b]) await expect(t.grant()).rejects.toThrow(/rate_limited/);
    const other = createDiditHarness({}, { sim }); // another account is not concerned
    other.auth.current = { accountId: "acct-2" };
    expect((await other.compare(await other.grant(), files)).status).toBe(200);
    expect(sim.stats().faceMatchRequests).toBe(3);
  });
});

describe("didit while the Redis store is down", () => {
  const redis = stores.find((s) => s.name === "redis") as (typeof stores)[number];

  it("refuses every grant with store_unavailable and never calls Didit; works again once it is back", async () => {
    const { a, b, sim } = twoInstances(redis.fresh());
    const files = { selfie: photos.personA2, reference: photos.personA };
    const grant = await a.grant();
    const server = redis.redis();
    await server?.stop();
    try {
      for (const t of [a, b]) {
        const refused = await t.compare(grant, files);
        expect([refused.status, refused.body.error?.code]).toEqual([503, "store_unavailable"]);
      }
      await expect(a.grant()).rejects.toThrow(/store_unavailable/);
      expect(sim.stats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
    } finally {
      await server?.restart();
    }
    // The client may replay the refused grant's write on reconnect (harmless: it only marks it
    // used), so the person asks for a new grant, as the browser does.
    await expect
      .poll(async () => (await b.compare(await b.grant(), files).catch(() => null))?.status, {
        timeout: 5000,
      })
      .toBe(200);
    expect(sim.stats().faceMatchRequests).toBe(1);
  }, 15_000);
});

describe("didit.consumeGrant (the hook from before the store)", () => {
  it("still decides when given, in place of the store's mark", async () => {
    const seen: string[] = [];
    const t = createDiditHarness({
      consumeGrant: (id) => {
        seen.push(id);
        return seen.length === 1;
      },
    });
    const files = { selfie: photos.personA2, reference: photos.personA };
    const grant = await t.grant();
    expect((await t.compare(grant, files)).status).toBe(200);
    expect((await t.compare(grant, files)).body.error?.code).toBe("session_invalid");
    expect(seen).toHaveLength(2);
    expect(t.sim.stats().faceMatchRequests).toBe(1);
  });
});
