import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { FaceKitStore } from "./types.ts";

/**
 * How {@link storeContract} reaches the store under test.
 * @example
 * const setup: StoreContractSetup = { store: (prefix) => createRedisStore({ client, prefix }) };
 */
export interface StoreContractSetup {
  /**
   * A store over the backend the whole suite shares, its keys under `prefix`. Called several times
   * with one prefix to play several app instances (e.g. one per Redis connection).
   */
  store(prefix: string): FaceKitStore;
  /** Remaining TTL (ms, -1 for none) of every key under `prefix`, when the backend can list them. */
  ttls?(prefix: string): Promise<number[]>;
}

const long = 60_000;

/**
 * Registers the tests every {@link FaceKitStore} must pass (values, TTLs, add under concurrency,
 * fixed-window counters, delete, prefixes). Real time, short TTLs: about 2 s in all.
 * @example
 * storeContract("memory", { store: (prefix) => withPrefix(shared, prefix) });
 */
export function storeContract(name: string, setup: StoreContractSetup): void {
  const run = `contract:${crypto.randomUUID().slice(0, 8)}:`;
  let tests = 0;
  /** Five "instances" (call `i` goes to `i % 5`) over a new prefix: no test sees another's keys. */
  const instances = () => {
    const prefix = `${run}${++tests}:`;
    const stores = Array.from({ length: 5 }, () => setup.store(prefix));
    return (i: number) => stores[i % stores.length] as FaceKitStore;
  };
  const fresh = () => instances()(0);

  describe(`${name}: the FaceKitStore contract`, () => {
    it("round-trips string values exactly, and answers undefined for a missing key", async () => {
      const store = fresh();
      expect(await store.get("missing")).toBeUndefined();
      const values = ["", "123", "null", '{"a":[1]}', "v", "ü ✓ 🙂\n\0", "x".repeat(1e4)];
      for (const [i, value] of values.entries()) {
        await store.set(`k${i}`, value, long);
        expect(await store.get(`k${i}`)).toBe(value);
      }
      await store.set("k0", "replaced", long);
      expect(await store.get("k0")).toBe("replaced");
    });

    it("forgets a value when its TTL ends; set replaces the TTL", async () => {
      const store = fresh();
      await store.set("a", "1", 400);
      await store.set("b", "1", 400);
      await sleep(250);
      await store.set("b", "2", 400);
      await sleep(250);
      expect(await store.get("a")).toBeUndefined();
      expect(await store.get("b")).toBe("2");
      await sleep(250);
      expect(await store.get("b")).toBeUndefined();
    });

    it("adds only when the key is absent, expired or deleted", async () => {
      const store = fresh();
      expect(await store.add("grant", "first", long)).toBe(true);
      expect(await store.add("grant", "second", long)).toBe(false);
      expect(await store.get("grant")).toBe("first");
      expect(await store.delete("grant")).toBe(true);
      expect(await store.add("grant", "third", long)).toBe(true);
      expect(await store.get("grant")).toBe("third");
      expect(await store.add("lease", "1", 150)).toBe(true);
      await sleep(250);
      expect(await store.add("lease", "2", long)).toBe(true);
    });

    it("lets exactly one of 50 concurrent add calls win, across instances", async () => {
      const instance = instances();
      const won = await Promise.all(
        Array.from({ length: 50 }, (_, i) => instance(i).add("grant", `caller ${i}`, long)),
      );
      expect(won.filter((w) => w)).toHaveLength(1);
      expect(await instance(0).get("grant")).toBe(`caller ${won.indexOf(true)}`);
    });

    it("counts in a fixed window that the first increment starts", async () => {
      const instance = instances();
      const store = instance(0);
      const first = await store.increment("quota", 400);
      expect(first.count).toBe(1);
      expect(first.resetInMs).toBeGreaterThan(300);
      expect(first.resetInMs).toBeLessThanOrEqual(400);
      await sleep(150);
      const second = await store.increment("quota", 400);
      expect(second.count).toBe(2);
      expect(second.resetInMs).toBeGreaterThan(0);
      expect(second.resetInMs).toBeLessThanOrEqual(300); // not extended by the second increment
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => instance(i).increment("quota", 400)),
      );
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 3),
      );
      await sleep(second.resetInMs + 100);
      expect(await store.increment("quota", 400)).toEqual({
        count: 1,
        resetInMs: expect.any(Number),
      });
    });

    it("deletes: true only when the key was there", async () => {
      const store = fresh();
      expect(await store.delete("nothing")).toBe(false);
      await store.set("a", "1", long);
      expect(await store.delete("a")).toBe(true);
      expect(await store.get("a")).toBeUndefined();
      expect(await store.delete("a")).toBe(false);
      await store.increment("n", long);
      await store.delete("n");
      expect((await store.increment("n", long)).count).toBe(1);
    });

    it("keeps two prefixes apart", async () => {
      const a = setup.store(`${run}apart:a:`);
      const b = setup.store(`${run}apart:b:`);
      await a.set("key", "A", long);
      await b.set("key", "B", long);
      expect([await a.get("key"), await b.get("key")]).toEqual(["A", "B"]);
      expect(await a.add("once", "1", long)).toBe(true);
      expect(await b.add("once", "1", long)).toBe(true);
      await a.increment("n", long);
      expect((await b.increment("n", long)).count).toBe(1);
      await a.delete("key");
      expect(await b.get("key")).toBe("B");
    });

    it("refuses a TTL that would never end, and writes nothing", async () => {
      const store = fresh();
      for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expect(store.set("k", "v", ttl)).rejects.toMatchObject({ code: "internal" });
        await expect(store.add("k", "v", ttl)).rejects.toMatchObject({ code: "internal" });
        await expect(store.increment("n", ttl)).rejects.toMatchObject({ code: "internal" });
      }
      expect(await store.get("k")).toBeUndefined();
    });

    const { ttls } = setup;
    if (!ttls) return;
    it("leaves no key without a TTL", async () => {
      const store = fresh();
      await store.set("set", "1", long);
      await store.add("add", "1", long);
      await Promise.all([store.increment("n", long), store.increment("n", long)]);
      const left = await ttls(run);
      expect(left.length).toBeGreaterThanOrEqual(3);
      for (const ttl of left) expect(ttl).toBeGreaterThan(0);
    });
  });
}
