import type { FaceSignSessionObject } from "@facekit/core/protocol";
import { createFaceSignApi } from "./createFaceSignApi.ts";
import { createFaceSignApp } from "./createFaceSignApp.ts";
import { createFaceSignContext } from "./createFaceSignContext.ts";
import { finishDeepfake } from "./faceSignDeepfake.ts";
import type { FaceSignSimulator, FaceSignSimulatorOptions } from "./types.ts";

/**
 * A faithful in-memory fake of FaceSign: `api` stands for `https://api.facesign.ai`, `app` for
 * the hosted session page. Both are Web-standard handlers: call them in-process in tests, or
 * serve them on two ports with `startSimulators` from `@facekit/simulator/node`.
 * @example
 * const sim = createFaceSignSimulator({ now: () => clock, appOrigin: "http://app.test" });
 * const res = await sim.api(
 *   new Request("http://api.test/sessions", {
 *     method: "POST",
 *     headers: { authorization: `Bearer ${defaultFaceSignKey}` },
 *     body: JSON.stringify({ clientReferenceId: "user-1", flow }),
 *   }),
 * );
 */
export function createFaceSignSimulator(options: FaceSignSimulatorOptions = {}): FaceSignSimulator {
  const ctx = createFaceSignContext(options);
  return {
    api: createFaceSignApi(ctx),
    app: createFaceSignApp(ctx),
    get scenario() {
      return ctx.scenario;
    },
    setScenario: (patch) => ctx.setScenario(patch),
    reset: () => ctx.reset(),
    stats: () => ctx.stats(),
    session(id): FaceSignSessionObject | undefined {
      const record = ctx.sessions.get(id);
      return record ? structuredClone(record.session) : undefined;
    },
    finishDeepfake(id, outcome) {
      const record = ctx.sessions.get(id);
      return record ? finishDeepfake(ctx, record, outcome) : false;
    },
  };
}
