import {
  createVerisoulHarness,
  postJson,
  testRedirectUrl,
  testSecret,
} from "@facekit/test-utils/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFaceKitHandler } from "../createFaceKitHandler.ts";
import { createMemoryStore } from "../store/createMemoryStore.ts";
import {
  type CacheLookup,
  createResultCache,
  type ResultCacheRequest,
} from "./createResultCache.ts";

afterEach(() => {
  vi.useRealTimers();
});

/** A cache on a hand-driven clock, with counters for lookups and deliveries. */
function setup(options: { pendingLookupIntervalMs?: number } = {}) {
  const clock = { now: 1_000_000 };
  const cache = createResultCache<string>({
    store: createMemoryStore({ now: () => clock.now }),
    pendingLookupIntervalMs: options.pendingLookupIntervalMs ?? 2_000,
    now: () => clock.now,
  });
  const lookups: string[] = [];
  const delivered: string[] = [];
  /** Whether each session is done; a lookup reads it. */
  const done = new Map<string, boolean>();
  const ask = (session: string, overrides: Partial<ResultCacheRequest<string>> = {}) =>
    cache({
      session,
      variant: "v",
      expiresAt: clock.now + 60_000,
      async lookup(): Promise<CacheLookup<string>> {
        lookups.push(session);
        await Promise.resolve();
        return done.get(session)
          ? { status: "completed", value: `${session}:verdict` }
          : { status: "pending" };
      },
      deliver: (value) => {
        delivered.push(value);
      },
      ...overrides,
    });
  return { clock, ask, lookups, delivered, done };
}

describe("createResultCache", () => {
  it("shares one run between concurrent identical requests", async () => {
    const c = setup();
    c.done.set("s1", true);
    const answers = await Promise.all([c.ask("s1"), c.ask("s1"), c.ask("s1")]);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect([c.lookups, c.delivered]).toEqual([["s1"], ["s1:verdict"]]);
  });

  it("throttles pending lookups per session; 0 turns throttling off", async () => {
    const c = setup();
    expect(await c.ask("s1")).toEqual({ status: "pending" });
    c.clock.now += 1_999;
    c.done.set("s1", true);
    expect(await c.ask("s1")).toEqual({ status: "pending" });
    expect(await c.ask("s2")).toEqual({ status: "pending" }); // another session is not throttled
    expect(c.lookups).toEqual(["s1", "s2"]);
    c.clock.now += 1;
    expect(await c.ask("s1")).toEqual({ status: "completed", value: "s1:verdict" });

    const off = setup({ pendingLookupIntervalMs: 0 });
    await off.ask("s1");
    await off.ask("s1");
    expect(off.lookups).toEqual(["s1", "s1"]);
  });

  it("delivers once per session, across variants, and again after a failed delivery", async () => {
    const c = setup();
    c.done.set("s1", true);
    let fail = true;
    const deliver = (value: string) => {
      c.delivered.push(value);
      if (fail) throw new Error("db down");
    };
    await expect(c.ask("s1", { deliver })).rejects.toThrow("db down");
    fail = false;
    expect(await c.ask("s1", { deliver })).toMatchObject({ status: "completed" });
    expect(await c.ask("s1", { deliver, variant: "other" })).toMatchObject({ status: "completed" });
    expect(await c.ask("s1", { deliver })).toMatchObject({ status: "completed" });
    // Two lookups (one per variant), two delivery attempts (the failed one and its retry).
    expect(c.lookups).toEqual(["s1", "s1"]);
    expect(c.delivered).toEqual(["s1:verdict", "s1:verdict"]);
  });

  it("never keeps a failed lookup", async () => {
    const c = setup();
    const broken = () => Promise.reject(new Error("vendor down"));
    await expect(c.ask("s1", { lookup: broken })).rejects.toThrow("vendor down");
    c.done.set("s1", true);
    expect(await c.ask("s1")).toMatchObject({ status: "completed" });
  });

  it("forgets a session once its token expired", async () => {
    const e = setup();
    e.done.set("s1", true);
    await e.ask("s1", { expiresAt: e.clock.now + 10 });
    e.clock.now += 10;
    await e.ask("s1");
    expect(e.lookups).toEqual(["s1", "s1"]);
    expect(e.delivered).toHaveLength(2);
  });
});

describe("the result route's cache (in the handler's store, against the simulator)", () => {
  it("asks Verisoul about a pending session at most once per pendingLookupIntervalMs", async () => {
    const t = createVerisoulHarness({ pendingLookupIntervalMs: 2_000 });
    const session = await t.mint();
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const verifyCalls = () => t.sim.stats().byPath["/liveness/verify-face"] ?? 0;

    expect((await t.result(session.token)).body).toEqual({ status: "pending" });
    expect(verifyCalls()).toBe(1);
    await t.complete(session.sessionId, "alice");
    vi.setSystemTime(start + 1_999);
    // Polls inside the interval get the last pending answer without a vendor call.
    for (let i = 0; i < 5; i += 1) {
      expect((await t.result(session.token)).body).toEqual({ status: "pending" });
    }
    expect(verifyCalls()).toBe(1);

    vi.setSystemTime(start + 2_000);
    expect((await t.result(session.token)).body).toMatchObject({ status: "completed" });
    expect(verifyCalls()).toBe(2);
  });

  it("keeps completed results, answers repeated polls without the vendor and calls onResult once", async () => {
    const t = createVerisoulHarness({ authenticate: true });
    const signup = await t.mint();
    await t.complete(signup.sessionId, "alice");
    t.auth.current = { accountId: "acct-1", verisoul: { enroll: true, authenticate: false } };
    await t.result(signup.token);
    t.auth.current = { accountId: "acct-1" };
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    const before = { ...t.sim.stats().byPath };
    const first = await t.result(session.token);
    for (let i = 0; i < 10; i += 1) expect(await t.result(session.token)).toEqual(first);
    const after = t.sim.stats().byPath;
    const used = (path: string) => (after[path] ?? 0) - (before[path] ?? 0);
    expect([used("/liveness/verify-face"), used("/liveness/verify-identity")]).toEqual([1, 1]);
    expect(t.results.filter((e) => e.sessionId === session.sessionId)).toHaveLength(1);
  });

  it("keeps results per feature set, but onResult still runs once per session and account", async () => {
    const t = createVerisoulHarness();
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    const plain = await t.result(session.token);
    expect(plain.body).not.toHaveProperty("result.enrolled");
    t.auth.current = { accountId: "acct-1", verisoul: { enroll: true } };
    const enrolling = await t.result(session.token);
    expect(enrolling.body).toMatchObject({ result: { enrolled: true } });
    expect(t.results).toHaveLength(1);
  });

  it("never keeps failures: the next call asks Verisoul again", async () => {
    const t = createVerisoulHarness();
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    t.sim.setScenario({ failNext: { status: 503, count: 1 } });
    expect((await t.result(session.token)).status).toBe(503);
    expect((await t.result(session.token)).body).toMatchObject({ status: "completed" });
    expect(t.results).toHaveLength(1);
  });

  it("without a shared store, another server instance asks Verisoul itself", async () => {
    const t = createVerisoulHarness();
    const other = createFaceKitHandler({
      secret: testSecret,
      authorize: () => ({ accountId: "acct-1" }),
      verisoul: { ...t.options(), redirectUrl: testRedirectUrl },
    });
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    await t.result(session.token);
    const viaOther = await postJson(other, "verisoul/result", { token: session.token });
    expect(viaOther.status).toBe(200);
    expect(t.sim.stats().byPath["/liveness/verify-face"]).toBe(2);
  });
});
