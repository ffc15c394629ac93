/**
 * Test-only: the two stores every shared-state test runs against, a memory store and a real
 * `redis-server` (started once per test file by `startRedis()`), each fresh per test.
 */
import { startRedis, type TestRedis } from "@facekit/test-utils/server";
import { createClient } from "redis";
import { afterAll, beforeAll } from "vitest";
import { createRedisStore } from "../redis.ts";
import { createMemoryStore } from "./createMemoryStore.ts";
import type { FaceKitStore } from "./types.ts";

/** One kind of store: `fresh()` gives an empty one (a new prefix on Redis). */
export interface TestStore {
  name: "memory" | "redis";
  fresh(): FaceKitStore;
  /** The Redis server (undefined for memory), to stop and restart it. */
  redis(): TestRedis | undefined;
}

/**
 * Registers the file's Redis (started before its tests, stopped after) and returns both stores,
 * for `describe.each(testStores())`. A missing `redis-server` fails every Redis test with the fix.
 * @example
 * describe.each(testStores())("on the $name store", ({ fresh }) => { ... });
 */
export function testStores(): TestStore[] {
  let server: TestRedis | undefined;
  let client: ReturnType<typeof createClient> | undefined;
  let failure: unknown;
  let next = 0;
  beforeAll(async () => {
    try {
      server = await startRedis();
      // Reconnects quickly after an outage test restarts the server.
      client = createClient({ url: server.url, socket: { reconnectStrategy: 50 } });
      client.on("error", () => {});
      await client.connect();
    } catch (error) {
      failure = error;
    }
  });
  afterAll(async () => {
    client?.destroy();
    await server?.stop();
  });
  return [
    { name: "memory", fresh: () => createMemoryStore(), redis: () => undefined },
    {
      name: "redis",
      fresh: () => {
        if (failure) throw failure;
        const redis = client as ReturnType<typeof createClient>;
        return createRedisStore({
          client: { eval: (script, keys, args) => redis.eval(script, { keys, arguments: args }) },
          prefix: `t${++next}:`,
          timeoutMs: 300,
        });
      },
      redis: () => server,
    },
  ];
}
