import { setTimeout as sleep } from "node:timers/promises";
import { createVerisoulHarness } from "@facekit/test-utils/server";
import { describe, expect, it } from "vitest";
import { testStores } from "../store/testStores.ts";
import type { FaceKitStore } from "../store/types.ts";
import type { VerisoulConfig } from "./types.ts";

/** Two instances of one app: two handlers, one Verisoul simulator, one store. */
function twoInstances(store: FaceKitStore, verisoul: Partial<VerisoulConfig> = {}) {
  const a = createVerisoulHarness(verisoul, { store });
  const b = createVerisoulHarness(verisoul, { store, sim: a });
  return { a, b, calls: () => a.sim.stats().byPath };
}

/** Counts `onResult` runs at once; `body` is what each run does after counting. */
function tracker() {
  const state = { running: 0, most: 0, runs: 0 };
  const wrap = (body: () => Promise<void>) => async () => {
    state.runs += 1;
    state.running += 1;
    state.most = Math.max(state.most, state.running);
    try {
      await body();
    } finally {
      state.running -= 1;
    }
  };
  return { state, wrap };
}

const stores = testStores();

describe.each(stores)("verisoul on two instances sharing one $name store", ({
  name,
  fresh,
  redis,
}) => {
  it("delivers onResult once when A and B poll a completed session at the same moment", async () => {
    // No pending throttle: both instances read the verdict, so both reach the delivery lease.
    const { a, b } = twoInstances(fresh(), { pendingLookupIntervalMs: 0 });
    const session = await a.mint();
    await a.complete(session.sessionId, "alice");
    const t = tracker();
    a.onResult.current = b.onResult.current = t.wrap(() => sleep(200));
    const answers = await Promise.all([a.result(session.token), b.result(session.token)]);
    expect(answers.map((r) => r.body.status)).toEqual(["completed", "completed"]);
    expect(a.results.length + b.results.length).toBe(1);
    for (const h of [a, b, a, b]) expect((await h.result(session.token)).status).toBe(200);
    expect([a.results.length + b.results.length, t.state.most]).toEqual([1, 1]);
  });

  it("asks Verisoul about a pending session once per interval across A and B", async () => {
    const { a, b, calls } = twoInstances(fresh(), { pendingLookupIntervalMs: 5_000 });
    const session = await a.mint();
    const answers = await Promise.all([a, b, a, b].map((h) => h.result(session.token)));
    expect(answers.map((r) => r.body)).toEqual(Array(4).fill({ status: "pending" }));
    expect(calls()["/liveness/verify-face"]).toBe(1);
  });

  it("retries on B an onResult that threw on A, never two at once, then never again", async () => {
    const { a, b } = twoInstances(fresh(), { enroll: true });
    const session = await a.mint();
    await a.complete(session.sessionId, "alice");
    const t = tracker();
    a.onResult.current = t.wrap(async () => {
      await sleep(300);
      throw new Error("db down");
    });
    b.onResult.current = t.wrap(() => sleep(50));
    const onA = a.result(session.token);
    await sleep(100); // A holds the lease: B waits for it, then delivers itself
    const onB = b.result(session.token);
    expect((await onA).status).toBe(500);
    expect((await onB).body).toMatchObject({ status: "completed", result: { enrolled: true } });
    expect([a.results.length, b.results.length, t.state.most]).toEqual([1, 1, 1]);
    expect(b.results[0]?.verdict).toEqual(a.results[0]?.verdict);
    expect(b.results[0]?.body.metadata?.session_id).toBe(session.sessionId);
    expect((await a.result(session.token)).body).toMatchObject({ status: "completed" });
    expect(a.results.length + b.results.length).toBe(2);
    expect(a.sim.stats().byPath["/liveness/enroll"]).toBe(1);
  });

  // Only a real server can be stopped: the memory store has no outage to test.
  if (name === "redis")
    it("refuses to mint while the store is down, then works again", async () => {
      const { a } = twoInstances(fresh());
      const server = redis();
      if (!server) throw new Error("no Redis server");
      const before = a.sim.stats().requests;
      await server.stop();
      try {
        const refused = await a.post("verisoul/session");
        expect(refused.status).toBe(503);
        expect((await refused.json()).error.code).toBe("store_unavailable");
        expect(a.sim.stats().requests).toBe(before);
      } finally {
        await server.restart();
      }
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i++) {
        status = (await a.post("verisoul/session")).status;
        if (status !== 200) await sleep(50);
      }
      expect(status).toBe(200);
    });
});
