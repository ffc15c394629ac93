import { errorResponseStatus } from "@facekit/core/protocol";
import { createVerisoulSimHarness, failure } from "@facekit/test-utils/server";
import { describe, expect, it } from "vitest";
import { createVerisoulClient } from "./createVerisoulClient.ts";

const uuid = /^[0-9a-f-]{36}$/i;

describe("Verisoul transport failures (through createVerisoulClient)", () => {
  it("maps groups_enabled and a wrong API key to vendor_misconfigured", async () => {
    const h = createVerisoulSimHarness();
    h.sim.setScenario({ groupsEnabled: true });
    const groups = await failure(() => createVerisoulClient(h.options()).createSession());
    expect([groups.code, groups.vendorCode, errorResponseStatus(groups)]).toEqual([
      "vendor_misconfigured",
      "groups_enabled",
      502,
    ]);

    const h2 = createVerisoulSimHarness();
    const wrongKey = await failure(() =>
      createVerisoulClient(h2.options({ apiKey: "not-the-key" })).createSession(),
    );
    expect(wrongKey.code).toBe("vendor_misconfigured");
    expect(wrongKey.message).toMatch(/apiKey/);
  });

  it("maps injected 429, 500 and 503, never retrying", async () => {
    const h = createVerisoulSimHarness();
    const client = createVerisoulClient(h.options());
    h.sim.setScenario({ failNext: { status: 429, count: 1 } });
    const limited = await failure(() => client.createSession());
    expect([limited.code, errorResponseStatus(limited)]).toEqual(["rate_limited", 429]);

    h.sim.setScenario({ failNext: { status: 500, count: 1 } });
    const broken = await failure(() => client.createSession());
    expect([broken.code, errorResponseStatus(broken)]).toEqual(["vendor_unavailable", 503]);
    expect(broken.cause).toMatchObject({ status: 500 });

    h.sim.setScenario({ failNext: { status: 503, count: 2 } });
    expect((await failure(() => client.createSession())).code).toBe("vendor_unavailable");
    // The second injected failure is still pending: the client did not retry behind our back.
    expect((await failure(() => client.createSession())).code).toBe("vendor_unavailable");
    expect((await client.createSession()).sessionId).toMatch(uuid);
  });

  it("reads Retry-After from the simulator's real rate limit (300/min)", async () => {
    const h = createVerisoulSimHarness();
    const client = createVerisoulClient(h.options());
    const ids = await Promise.all(Array.from({ length: 300 }, () => client.createSession()));
    expect(ids).toHaveLength(300);
    const limited = await failure(() => client.createSession());
    expect(limited.code).toBe("rate_limited");
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(limited.retryAfter).toBeLessThanOrEqual(60);
  });

  it("times out slow answers as vendor_unavailable", async () => {
    const h = createVerisoulSimHarness();
    h.sim.setScenario({ latencyMs: 300 });
    const client = createVerisoulClient(h.options({ timeoutMs: 30 }));
    const started = Date.now();
    const slow = await failure(() => client.createSession());
    expect(slow.code).toBe("vendor_unavailable");
    expect(slow.message).toMatch(/30 ms/);
    expect(Date.now() - started).toBeLessThan(250);
  });

  it("maps network failures and non-JSON answers to vendor_unavailable", async () => {
    // Nothing listens on port 1 of the loopback: a real connection failure, no stub.
    const down = createVerisoulClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1" });
    const network = await failure(() => down.createSession());
    expect(network.code).toBe("vendor_unavailable");
    expect(network.cause).toBeDefined();

    // A proxy in front of the simulator that answers 200 with an HTML page (captive portal).
    const h = createVerisoulSimHarness();
    const portal = createVerisoulClient(
      h.options({
        fetch: async (input, init) => {
          await h.sim.api(new Request(input, init));
          return new Response("<html>Please log in</html>", {
            headers: { "content-type": "text/html" },
          });
        },
      }),
    );
    const html = await failure(() => portal.createSession());
    expect([html.code, errorResponseStatus(html)]).toEqual(["vendor_unavailable", 503]);
    expect(html.message).toMatch(/non-JSON/);
  });

  it("maps a baseUrl that is not the Verisoul API to vendor_misconfigured", async () => {
    // The simulator's hosted app answers API paths with an HTML 404.
    const h = createVerisoulSimHarness();
    const wrongHost = createVerisoulClient(
      h.options({ fetch: (input, init) => h.sim.app(new Request(input, init)) }),
    );
    const error = await failure(() => wrongHost.createSession());
    expect(error.code).toBe("vendor_misconfigured");
    expect(error.message).toMatch(/baseUrl/);
  });
});
