import { errorResponseStatus, FaceKitError } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { createRedisStore, type RedisEvalClient } from "./createRedisStore.ts";

/** A client whose eval answers `reply` (or what `reply` does) and records the calls. */
function fakeClient(reply: (script: string, keys: string[], args: string[]) => Promise<unknown>) {
  const calls: { keys: string[]; args: string[] }[] = [];
  const client: RedisEvalClient = {
    eval: (script, keys, args) => {
      calls.push({ keys, args });
      return reply(script, keys, args);
    },
  };
  return { client, calls };
}

async function unavailable(call: Promise<unknown>, withinMs: number): Promise<FaceKitError> {
  const started = Date.now();
  const error = await call.then(
    () => expect.fail("the call should have failed"),
    (e: unknown) => e,
  );
  expect(Date.now() - started).toBeLessThan(withinMs);
  expect(error).toBeInstanceOf(FaceKitError);
  expect((error as FaceKitError).code).toBe("store_unavailable");
  expect(errorResponseStatus(error as FaceKitError)).toBe(503);
  return error as FaceKitError;
}

describe("createRedisStore with a client that fails", () => {
  it("turns a hanging eval into store_unavailable after timeoutMs (default 500 ms)", async () => {
    const { client } = fakeClient(() => new Promise(() => {}));
    const started = Date.now();
    await unavailable(createRedisStore({ client }).get("k"), 700);
    expect(Date.now() - started).toBeGreaterThanOrEqual(490);
    const quick = createRedisStore({ client, timeoutMs: 50 });
    await unavailable(quick.add("k", "v", 1000), 250);
    await unavailable(quick.increment("k", 1000), 250);
  });

  it("turns a connection error, thrown or rejected, into store_unavailable with the cause", async () => {
    const refused = new Error("connect ECONNREFUSED 10.0.0.7:6379");
    const rejecting = createRedisStore({
      client: fakeClient(() => Promise.reject(refused)).client,
    });
    const error = await unavailable(rejecting.set("k", "v", 1000), 100);
    expect(error.cause).toBe(refused);
    expect(error.message).not.toContain("10.0.0.7"); // the message may reach the browser
    const throwing: RedisEvalClient = {
      eval: () => {
        throw refused;
      },
    };
    expect((await unavailable(createRedisStore({ client: throwing }).delete("k"), 100)).cause).toBe(
      refused,
    );
  });

  it("sends one script per call, with the prefixed key and the TTL in whole ms", async () => {
    const { client, calls } = fakeClient(async () => 1);
    await createRedisStore({ client }).set("grant:1", '{"a":1}', 1500.2);
    await createRedisStore({ client, prefix: "app:" }).add("grant:1", "1", 10);
    expect(calls).toEqual([
      { keys: ["facekit:grant:1"], args: ['{"a":1}', "1501"] },
      { keys: ["app:grant:1"], args: ["1", "10"] },
    ]);
  });

  it("says misconfigured for a client without eval, or one whose replies are not Redis's", async () => {
    expect(() => createRedisStore({ client: {} as RedisEvalClient })).toThrow(/eval\(script/);
    const parsing = createRedisStore({ client: fakeClient(async () => ({ a: 1 })).client });
    await expect(parsing.get("k")).rejects.toMatchObject({ code: "misconfigured" });
    await expect(parsing.increment("k", 1000)).rejects.toMatchObject({ code: "misconfigured" });
  });
});
