import type { ErrorBody } from "@facekit/core/protocol";
import {
  createFaceSignSimulator,
  defaultFaceSignKey,
  sampleFaceSignFlow,
} from "@facekit/simulator";
import {
  createVerisoulSimHarness,
  postJson,
  testRedirectUrl,
  testSecret,
} from "@facekit/test-utils/server";
import { describe, expect, it } from "vitest";
import { createFaceKitHandler } from "../createFaceKitHandler.ts";
import { testStores } from "../store/testStores.ts";
import type { FaceKitStore } from "../store/types.ts";
import type { FaceKitServerConfig } from "../types.ts";
import { defaultRations, resolveRations } from "./createRation.ts";

/**
 * Two instances of one app (Verisoul and FaceSign on their simulators), sharing `store`; the
 * signed-in account is `as.current`.
 */
function twoInstances(store: FaceKitStore, rations?: FaceKitServerConfig["rations"]) {
  const verisoul = createVerisoulSimHarness();
  const facesign = createFaceSignSimulator({ appOrigin: "https://session.facesign.test" });
  const as = { current: "acct-1" };
  const instance = () =>
    createFaceKitHandler({
      secret: testSecret,
      authorize: () => ({ accountId: as.current }),
      store,
      rations,
      verisoul: { ...verisoul.options(), redirectUrl: testRedirectUrl },
      facesign: {
        apiKey: defaultFaceSignKey,
        fetch: (input, init) => facesign.api(new Request(input, init)),
        session: { flow: sampleFaceSignFlow, langs: ["en"] },
      },
    });
  const handlers = [instance(), instance()] as const;
  let turn = 0;
  /** POSTs to A and B in turn; the status and the error, if any. */
  const post = async (path: string, body: unknown = {}) => {
    const response = await postJson(
      handlers[turn++ % 2] as (r: Request) => Promise<Response>,
      path,
      body,
    );
    const json = (await response.json()) as Record<string, unknown> & Partial<ErrorBody>;
    return { status: response.status, json, error: json.error };
  };
  return { as, post, verisoul: verisoul.sim, facesign };
}

/** Calls `path` until refused; how many passed and the refusal. */
async function untilRefused(
  post: ReturnType<typeof twoInstances>["post"],
  path: string,
  body?: unknown,
) {
  for (let passed = 0; passed < 1000; passed++) {
    const answer = await post(path, body);
    if (answer.status !== 200) return { passed, ...answer };
  }
  throw new Error(`${path} was never refused`);
}

describe.each(testStores())("rations on two instances sharing one $name store", ({ fresh }) => {
  it("verisoul/session: 10 mints per 10 minutes per account by default, then rate_limited", async () => {
    const { as, post, verisoul } = twoInstances(fresh());
    const refused = await untilRefused(post, "verisoul/session");
    expect(refused.passed).toBe(defaultRations["verisoul/session"].limit);
    expect([refused.status, refused.error?.code]).toEqual([429, "rate_limited"]);
    expect(refused.error?.retryAfter).toBeGreaterThan(500);
    expect(refused.error?.retryAfter).toBeLessThanOrEqual(600);
    const minted = verisoul.stats().requests;
    expect((await post("verisoul/session")).status).toBe(429); // on the other instance too
    expect(verisoul.stats().requests).toBe(minted); // refused before Verisoul
    as.current = "acct-2";
    expect((await post("verisoul/session")).status).toBe(200);
  });

  it("facesign/session: the same, per account", async () => {
    const { as, post, facesign } = twoInstances(fresh());
    const refused = await untilRefused(post, "facesign/session");
    expect(refused.passed).toBe(10);
    expect([refused.status, refused.error?.code]).toEqual([429, "rate_limited"]);
    expect(refused.error?.retryAfter).toBeGreaterThan(500);
    const asked = facesign.stats().requests;
    expect((await post("facesign/session")).status).toBe(429);
    expect(facesign.stats().requests).toBe(asked);
    as.current = "acct-2";
    expect((await post("facesign/session")).status).toBe(200);
  });

  it("facesign/status and facesign/refresh: as configured in rations, each counted apart", async () => {
    const { as, post } = twoInstances(fresh(), {
      "facesign/status": { limit: 5 },
      "facesign/refresh": { limit: 3, windowMs: 30_000 },
    });
    const { json } = await post("facesign/session");
    const sessionId = json.sessionId;
    const status = await untilRefused(post, "facesign/status", { sessionId });
    expect([status.passed, status.error?.code]).toEqual([5, "rate_limited"]);
    expect(status.error?.retryAfter).toBeGreaterThan(50);
    expect(status.error?.retryAfter).toBeLessThanOrEqual(60);
    const refresh = await untilRefused(post, "facesign/refresh", { sessionId });
    expect([refresh.passed, refresh.error?.code]).toEqual([3, "rate_limited"]);
    expect(refresh.error?.retryAfter).toBeLessThanOrEqual(30);
    as.current = "acct-2";
    const { json: other } = await post("facesign/session");
    expect((await post("facesign/status", { sessionId: other.sessionId })).status).toBe(200);
  });
});

describe("resolveRations", () => {
  it("fills in the defaults and refuses a bad value or an unknown route at creation", () => {
    expect(resolveRations({ "verisoul/session": { limit: 3 } })["verisoul/session"]).toEqual({
      limit: 3,
      windowMs: 600_000,
    });
    expect(resolveRations()).toEqual(defaultRations);
    const bad = [{ "verisoul/session": { limit: 0 } }, { "facesign/status": { windowMs: 10 } }];
    for (const rations of bad)
      expect(() => resolveRations(rations)).toThrow(/misconfigured|rations/);
    expect(() => resolveRations({ "didit/grant": {} } as never)).toThrow(/no route "didit\/grant"/);
  });
});
