import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./createMemoryStore.ts";
import { storeContract } from "./storeContract.ts";
import { withPrefix } from "./withPrefix.ts";

const shared = createMemoryStore();
storeContract("memory", { store: (prefix) => withPrefix(shared, prefix) });

/** A memory store on a clock the test moves. */
function onClock(maxEntries?: number) {
  let time = 1_000_000;
  const store = createMemoryStore({ maxEntries, now: () => time });
  const advance = (ms: number) => {
    time += ms;
  };
  return { store, advance };
}

describe("createMemoryStore", () => {
  it("forgets every kind of key once its TTL has passed", async () => {
    const { store, advance } = onClock();
    await store.set("set", "1", 1000);
    await store.add("add", "1", 1000);
    await store.increment("counter", 1000);
    advance(999);
    expect(await store.get("set")).toBe("1");
    expect((await store.increment("counter", 1000)).resetInMs).toBe(1);
    advance(1);
    for (const key of ["set", "add", "counter"]) expect(await store.get(key)).toBeUndefined();
    expect(await store.add("add", "2", 1000)).toBe(true);
  });

  it("holds at most maxEntries keys: the oldest written goes first", async () => {
    const { store } = onClock(3);
    for (const key of ["a", "b", "c"]) await store.set(key, key, 60_000);
    await store.set("a", "a again", 60_000); // rewritten: now the newest
    await store.set("d", "d", 60_000);
    expect(await store.get("b")).toBeUndefined();
    expect([await store.get("a"), await store.get("c"), await store.get("d")]).toEqual([
      "a again",
      "c",
      "d",
    ]);
  });

  it("drops expired keys before live ones when it is full", async () => {
    const { store, advance } = onClock(3);
    await store.set("old but live", "1", 60_000);
    await store.set("short", "1", 10);
    await store.add("also short", "1", 20);
    advance(30);
    await store.set("new", "1", 60_000);
    await store.set("newer", "1", 60_000);
    expect(await store.get("old but live")).toBe("1");
    expect(await store.get("newer")).toBe("1");
  });

  it("refuses to increment a key that holds a value", async () => {
    const { store } = onClock();
    await store.set("k", "not a number", 1000);
    await expect(store.increment("k", 1000)).rejects.toMatchObject({ code: "internal" });
  });
});
