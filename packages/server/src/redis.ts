/**
 * `@facekit/server/redis`: FaceKit's state in Redis, through the app's own client, so that every
 * guarantee (results delivered once, throttles, single-use grants, quotas) holds across all the
 * app's instances. No Redis client is bundled: bring `redis`, `ioredis` or `@upstash/redis`.
 * @example
 * import { createRedisStore } from "@facekit/server/redis";
 * const store = createRedisStore({
 *   client: { eval: (script, keys, args) => redis.eval(script, { keys, arguments: args }) },
 *   prefix: "facekit:",
 * });
 */
export {
  createRedisStore,
  type RedisEvalClient,
  type RedisStoreOptions,
} from "./store/createRedisStore.ts";
