import { FaceKitError } from "@facekit/core/protocol";
import { checkTtl } from "./checkTtl.ts";
import type { FaceKitStore } from "./types.ts";
import { withPrefix } from "./withPrefix.ts";
import { withTimeout } from "./withTimeout.ts";

/**
 * The one thing FaceKit needs of a Redis client: `EVAL`, with the script's keys and arguments, and
 * Redis's reply back. Every client has it; adapt yours in one line (see {@link createRedisStore}).
 * @example
 * const client: RedisEvalClient = { eval: (script, keys, args) => redis.eval(script, { keys, arguments: args }) };
 */
export interface RedisEvalClient {
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
}

/**
 * Settings of {@link createRedisStore}.
 * @example
 * const options: RedisStoreOptions = { client, prefix: "facekit:staging:", timeoutMs: 300 };
 */
export interface RedisStoreOptions {
  /** The app's own client, already connected (FaceKit never opens or closes a connection). */
  client: RedisEvalClient;
  /** Put in front of every key (default `"facekit:"`); give each app or environment its own. */
  prefix?: string;
  /** Longest wait for Redis per call, in ms (default 500); then `store_unavailable`. */
  timeoutMs?: number;
}

// One Lua script per operation: atomic on its one key (also on Redis Cluster), one round trip.
// GET answers "v" + value: an HTTP client that JSON-parses replies (Upstash's does) cannot turn a
// stored "123" or "{...}" into a number or an object, since no JSON text starts with "v".
const getScript = "local v = redis.call('GET', KEYS[1]) if v then return 'v' .. v end return false";
const setScript = "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1";
const addScript =
  "if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end return 0";
// The increment that creates the counter gives it its window (a counter never lives without one).
const incrementScript =
  "local n = redis.call('INCR', KEYS[1]) local t = redis.call('PTTL', KEYS[1]) " +
  "if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) t = tonumber(ARGV[1]) end return {n, t}";
const deleteScript = "return redis.call('DEL', KEYS[1])";

const unexpected = (reply: unknown) =>
  new FaceKitError(
    "misconfigured",
    `FaceKit store: unexpected reply from the Redis client's eval (${typeof reply}); it must resolve with Redis's reply.`,
  );

function integer(reply: unknown): number {
  const n = typeof reply === "number" || typeof reply === "bigint" ? Number(reply) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw unexpected(reply);
  return n;
}

function text(reply: unknown): string | undefined {
  if (reply === null || reply === undefined) return undefined;
  const raw = reply instanceof Uint8Array ? new TextDecoder().decode(reply) : reply;
  if (typeof raw !== "string" || !raw.startsWith("v")) throw unexpected(reply);
  return raw.slice(1);
}

/**
 * A {@link FaceKitStore} in Redis (or anything that speaks its Lua scripts: Valkey, KeyDB,
 * Upstash, Dragonfly), through the app's own client. Every operation is one Lua script (`SET NX
 * PX`, `INCR` + `PEXPIRE`): atomic, one round trip, one key. Every key starts with `prefix` and
 * has a TTL. A call that fails, or takes longer than `timeoutMs`, rejects with a `FaceKitError` of
 * code `store_unavailable` (503).
 * @example
 * import { createClient } from "redis";
 * import { createRedisStore } from "@facekit/server/redis";
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const store = createRedisStore({
 *   client: { eval: (script, keys, args) => redis.eval(script, { keys, arguments: args }) },
 * });
 * // ioredis: { eval: (script, keys, args) => redis.eval(script, keys.length, ...keys, ...args) }
 * // @upstash/redis: createRedisStore({ client: redis }) (its eval already takes (script, keys, args))
 */
export function createRedisStore(options: RedisStoreOptions): FaceKitStore {
  const client = options?.client;
  if (typeof client?.eval !== "function") {
    throw new FaceKitError(
      "misconfigured",
      "createRedisStore: `client` needs an eval(script, keys, args) method (see the README's one-liners for redis, ioredis and @upstash/redis).",
    );
  }
  const run = (script: string, key: string, args: string[]) => client.eval(script, [key], args);
  const store: FaceKitStore = {
    get: async (key) => text(await run(getScript, key, [])),
    set: async (key, value, ttlMs) => {
      await run(setScript, key, [value, String(checkTtl(ttlMs))]);
    },
    add: async (key, value, ttlMs) =>
      integer(await run(addScript, key, [value, String(checkTtl(ttlMs))])) === 1,
    increment: async (key, windowMs) => {
      const reply = await run(incrementScript, key, [String(checkTtl(windowMs))]);
      if (!Array.isArray(reply) || reply.length !== 2) throw unexpected(reply);
      return { count: integer(reply[0]), resetInMs: Math.max(1, integer(reply[1])) };
    },
    delete: async (key) => integer(await run(deleteScript, key, [])) > 0,
  };
  return withTimeout(withPrefix(store, options.prefix), options.timeoutMs);
}
