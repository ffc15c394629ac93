/**
 * `@facekit/server/redis` for edge and worker runtimes: the same exports as `redis.ts`, from a
 * file the `browser` field leaves alone (see `edge/index.ts`).
 * @example
 * import { createRedisStore } from "@facekit/server/redis"; // resolved here on the edge
 */
export {
  createRedisStore,
  type RedisEvalClient,
  type RedisStoreOptions,
} from "../store/createRedisStore.ts";
