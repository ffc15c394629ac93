import { startRedis, type TestRedis } from "@facekit/test-utils/server";
import { createClient, type RedisClientOptions } from "redis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRedisStore, type RedisEvalClient } from "./redis.ts";
import { storeContract } from "./store/storeContract.ts";

type Client = ReturnType<typeof createClient>;

let redis: TestRedis;
const clients: Client[] = [];

/** A node-redis client of the test server; connection errors are expected (the outage test). */
async function connect(options: RedisClientOptions = {}): Promise<Client> {
  const client: Client = createClient({ url: redis.url, ...options }).on("error", () => {});
  clients.push(client);
  await client.connect();
  return client;
}

/** The README's one-liner for node-redis. */
const evalOf = (client: Client): RedisEvalClient => ({
  eval: (script, keys, args) => client.eval(script, { keys, arguments: args }),
});

let startFailure: unknown;
beforeAll(async () => {
  try {
    redis = await startRedis();
  } catch (error) {
    startFailure = error; // e.g. redis-server missing: every test fails with the fix, none skips
    return;
  }
  for (let i = 0; i < 3; i++) await connect();
});
beforeEach(() => {
  if (startFailure) throw startFailure;
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await redis?.stop();
});

let next = 0;
storeContract("redis", {
  // Three connections: the "instances" of a test really race each other.
  store: (prefix) =>
    createRedisStore({ client: evalOf(clients[next++ % 3] as Client), prefix, timeoutMs: 2000 }),
  ttls: async (prefix) => {
    const client = clients[0] as Client;
    const keys = await client.keys(`${prefix}*`);
    return Promise.all(keys.map((key) => client.pTTL(key)));
  },
});

describe("createRedisStore on a real Redis", () => {
  it("writes under facekit: by default; no key in this Redis lacks a TTL", async () => {
    const client = clients[0] as Client;
    await createRedisStore({ client: evalOf(client) }).set("default-prefix", "1", 60_000);
    expect(await client.get("facekit:default-prefix")).toBe("1");
    expect(await client.pTTL("facekit:default-prefix")).toBeGreaterThan(59_000);
    const keys = await client.keys("*"); // everything the contract above left, too
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(await client.pTTL(key), key).toBeGreaterThan(0);
  });

  it("answers store_unavailable within the timeout while Redis is down, then works again", async () => {
    const fast = { socket: { reconnectStrategy: 50 } } as const;
    const store = createRedisStore({ client: evalOf(await connect(fast)), timeoutMs: 300 });
    const failFast = createRedisStore({
      client: evalOf(await connect({ ...fast, disableOfflineQueue: true })),
    });
    await store.set("outage", "before", 60_000);
    await redis.stop();
    const calls = [
      () => store.get("outage"),
      () => store.add("k", "1", 1000),
      () => failFast.get("k"),
    ];
    for (const call of calls) {
      const started = Date.now();
      await expect(call()).rejects.toMatchObject({ code: "store_unavailable" });
      expect(Date.now() - started).toBeLessThan(500);
    }
    await redis.restart();
    await expect
      .poll(() => store.get("outage").catch(() => "down"), { timeout: 5000 })
      .not.toBe("down");
    expect(await store.add("after", "1", 1000)).toBe(true);
    await expect
      .poll(() => failFast.increment("n", 1000).catch(() => null))
      .toEqual({
        count: 1,
        resetInMs: expect.any(Number),
      });
  });
});
