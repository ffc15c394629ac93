/**
 * The demo's backend end to end in-process: account cookie, FaceKit routes, the Verisoul
 * simulator's handlers standing in for the vendor, and the verdict recorded by onResult.
 */
import { createVerisoulSimulator, defaultVerisoulKey } from "@facekit/simulator";
import { describe, expect, it } from "vitest";
import { createDemoBackend } from "./backend.ts";

const app = "http://demo.test";

function setup() {
  const sim = createVerisoulSimulator();
  const backend = createDemoBackend({
    appOrigin: app,
    secret: "demo-test-secret-that-is-long-enough-32",
    verisoul: {
      apiKey: defaultVerisoulKey,
      apiBaseUrl: "http://verisoul-api.test",
      appBaseUrl: "http://verisoul-app.test",
      fetch: (input, init) => sim.api(new Request(input, init)),
    },
  });
  let cookie = "";
  const call = async (path: string, body?: unknown) => {
    const response = await backend(
      new Request(`${app}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { cookie, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    cookie = response.headers.get("set-cookie")?.split(";")[0] ?? cookie;
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** What the person does on the hosted page: open it, then finish the scan. */
  const capture = async (url: string, outcome: string) => {
    await sim.app(new Request(url));
    const { searchParams } = new URL(url);
    const form = new URLSearchParams({
      session_id: searchParams.get("session_id") ?? "",
      redirect_url: searchParams.get("redirect_url") ?? "",
      outcome,
      face: "new",
    });
    const done = await sim.app(
      new Request("http://verisoul-app.test/complete", { method: "POST", body: form }),
    );
    return new URL(done.headers.get("location") ?? "");
  };
  return { call, capture };
}

describe("demo backend", () => {
  it("refuses Face Match before the account step", async () => {
    const { call } = setup();
    const { status, body } = await call("/api/facekit/verisoul/session", {});
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("rejects account details without a valid email", async () => {
    const { call } = setup();
    expect((await call("/api/account", { name: "Ada", email: "nope" })).status).toBe(400);
  });

  it("records the vendor's verdict on the account through onResult", async () => {
    const { call, capture } = setup();
    await call("/api/account", { name: "Ada", email: "ada@example.com" });
    const session = (await call("/api/facekit/verisoul/session", {})).body as {
      url: string;
      token: string;
    };
    const back = await capture(session.url, "success");
    expect(back.origin + back.pathname).toBe(`${app}/callback.html`);
    expect(back.searchParams.get("success")).toBe("true");

    expect((await call("/api/account")).body.faceCheck).toBeUndefined();
    const result = await call("/api/facekit/verisoul/result", { token: session.token });
    expect(result.body).toMatchObject({
      status: "completed",
      result: { decision: "Real", enrolled: true },
    });
    expect((await call("/api/account")).body.faceCheck).toMatchObject({
      decision: "Real",
      enrolled: true,
    });
  });
});
