import { FaceKitError } from "@facekit/core/protocol";
import { createVerisoulHarness, testRedirectUrl, testSecret } from "@facekit/test-utils/server";
import { describe, expect, it, vi } from "vitest";
import { createFaceKitHandler } from "./createFaceKitHandler.ts";

const authorize = () => ({ accountId: "acct-1" });

describe("createFaceKitHandler: configuration", () => {
  it("reads its config on first use: a missing secret fails the request and check(), not creation", async () => {
    // What `secret: process.env.FACEKIT_SECRET!` gives during a build that has no secrets.
    const reported: FaceKitError[] = [];
    const config = { secret: undefined as unknown as string, authorize };
    const handler = createFaceKitHandler({ ...config, onError: (e) => reported.push(e) });
    const response = await handler(
      new Request("https://shop.example/api/facekit/verisoul/session", { method: "POST" }),
    );
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("misconfigured");
    expect(body.error.message).toMatch(/`secret` must be at least 32 characters/);
    expect(reported.map((e) => e.code)).toEqual(["misconfigured"]);
    expect(() => handler.check()).toThrow(FaceKitError);
    expect(() => handler.check()).toThrow(/at least 32 characters/);
    await expect(handler.mintFaceMatchSession("a")).rejects.toThrow(/at least 32 characters/);
  });

  it("logs a broken config on every request when there is no onError", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const handler = createFaceKitHandler({ secret: "short", authorize });
      const request = () =>
        new Request("https://shop.example/verisoul/session", { method: "POST" });
      expect((await handler(request())).status).toBe(500);
      expect((await handler(request())).status).toBe(500);
      const lines = logged.mock.calls.map((call) => String(call[0]));
      expect(lines).toEqual([
        expect.stringMatching(/^\[facekit\] .*at least 32 characters/),
        expect.stringMatching(/^\[facekit\] .*at least 32 characters/),
      ]);
    } finally {
      logged.mockRestore();
    }
  });

  it("check() refuses an invalid Verisoul config, and passes a valid one", () => {
    const withRedirect = (redirectUrl: string) => () =>
      createFaceKitHandler({
        secret: testSecret,
        authorize,
        verisoul: { apiKey: "k", redirectUrl },
      }).check();
    expect(withRedirect("/callback")).toThrow(/redirectUrl/);
    expect(withRedirect("javascript:alert(1)")).toThrow(/redirectUrl/);
    expect(withRedirect(testRedirectUrl)).not.toThrow();
  });

  it("answers 404 naming the missing config for routes of an unconfigured vendor", async () => {
    const handler = createFaceKitHandler({ secret: testSecret, authorize });
    const response = await handler(
      new Request("https://shop.example/api/facekit/verisoul/session", { method: "POST" }),
    );
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toMatch(/verisoul/);
    await expect(handler.mintFaceMatchSession("a")).rejects.toMatchObject({
      code: "misconfigured",
    });
  });
});

describe("createFaceKitHandler: routing and errors", () => {
  it("answers unknown paths with 404 not_found", async () => {
    const t = createVerisoulHarness();
    for (const path of ["verisoul/nope", "other", "verisoul/session/extra", "xverisoul/session"]) {
      const response = await t.post(path);
      expect(response.status, path).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("routes by suffix under any mount point", async () => {
    const t = createVerisoulHarness();
    for (const url of [
      "https://shop.example/verisoul/session",
      "https://shop.example/a/b/c/verisoul/session/",
    ]) {
      const response = await t.handler(
        new Request(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        }),
      );
      expect(response.status, url).toBe(200);
    }
  });

  it("answers a wrong method with 405, Allow: POST and code not_found", async () => {
    const t = createVerisoulHarness();
    for (const method of ["GET", "PUT", "DELETE"]) {
      const response = await t.handler(
        new Request("https://shop.example/api/facekit/verisoul/result", { method }),
      );
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect((await response.json()).error.code).toBe("not_found");
    }
  });

  it("answers 401 unauthorized when authorize returns null, before calling the vendor", async () => {
    const t = createVerisoulHarness();
    t.auth.current = null;
    for (const path of ["verisoul/session", "verisoul/result"]) {
      const response = await t.post(path, { token: "x" });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
    expect(t.sim.stats().requests).toBe(0);
  });

  it("answers 400 bad_request for non-JSON, wrong content type and wrong shapes", async () => {
    const t = createVerisoulHarness();
    const cases: [string, RequestInit][] = [
      ["verisoul/result", { body: "{not json", headers: { "content-type": "application/json" } }],
      [
        "verisoul/result",
        { body: JSON.stringify({ token: "x" }), headers: { "content-type": "text/plain" } },
      ],
      [
        "verisoul/result",
        { body: JSON.stringify({ token: 42 }), headers: { "content-type": "application/json" } },
      ],
      [
        "verisoul/result",
        { body: JSON.stringify([]), headers: { "content-type": "application/json" } },
      ],
      ["verisoul/result", {}],
      [
        "verisoul/result",
        {
          body: JSON.stringify({ token: "x" }),
          headers: { "content-type": "application/ld+json" },
        },
      ],
      [
        "verisoul/session",
        {
          body: JSON.stringify({ referringSessionId: "nope" }),
          headers: { "content-type": "application/json" },
        },
      ],
    ];
    for (const [path, init] of cases) {
      const response = await t.post(path, undefined, init);
      expect(response.status, JSON.stringify(init)).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
  });

  it("refuses anything but content-type application/json, even without a body, before the vendor", async () => {
    const t = createVerisoulHarness();
    // What a cross-site <form method="post"> or a "simple" fetch (no preflight) can send.
    const simple: RequestInit[] = [
      { headers: {}, body: null },
      { headers: {}, body: "{}" },
      {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "referringSessionId=x",
      },
      { headers: { "content-type": "application/x-www-form-urlencoded" }, body: null },
      { headers: { "content-type": "text/plain" }, body: "{}" },
      { headers: { "content-type": "text/plain;charset=UTF-8" }, body: null },
      { headers: {}, body: new FormData() },
    ];
    for (const init of simple) {
      for (const path of ["verisoul/session", "verisoul/result"]) {
        const response = await t.post(path, undefined, init);
        expect(response.status, `${path} ${JSON.stringify(init.headers)}`).toBe(400);
        const { error } = await response.json();
        expect(error.code).toBe("bad_request");
        expect(error.message).toMatch(/content-type: application\/json/);
      }
    }
    expect(t.sim.stats().requests).toBe(0);

    // The browser client's request: JSON `{}`; an empty JSON body reads as `{}` too.
    expect((await t.post("verisoul/session")).status).toBe(200);
    const empty = await t.post("verisoul/session", undefined, {
      headers: { "content-type": "application/json; charset=utf-8" },
      body: null,
    });
    expect(empty.status).toBe(200);
  });

  it("refuses bodies over 4 KB, declared or streamed, before parsing", async () => {
    const t = createVerisoulHarness();
    const big = JSON.stringify({ token: "x".repeat(5000) });
    const declared = await t.post("verisoul/result", undefined, {
      body: big,
      headers: { "content-type": "application/json" },
    });
    expect(declared.status).toBe(400);
    expect((await declared.json()).error.message).toMatch(/too large/);

    // A stream without content-length is cut off once it passes the limit.
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
        if (pulled > 100) controller.close();
      },
    });
    const streamed = await t.post("verisoul/result", undefined, {
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(400);
    expect((await streamed.json()).error.message).toMatch(/too large/);
    expect(pulled).toBeLessThan(10);
  });

  it("turns unexpected throws into 500 internal without leaking details", async () => {
    const reported: FaceKitError[] = [];
    const handler = createFaceKitHandler({
      secret: testSecret,
      authorize: () => {
        throw new Error("db password is hunter2");
      },
      verisoul: { apiKey: "k", redirectUrl: testRedirectUrl },
      onError: (error) => reported.push(error),
    });
    const response = await handler(
      new Request("https://shop.example/verisoul/session", { method: "POST" }),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/hunter2/);
    expect(JSON.parse(text).error.code).toBe("internal");
    expect(reported.map((e) => e.code)).toEqual(["internal"]);
    expect((reported[0]?.cause as Error).message).toMatch(/hunter2/);
  });

  it("never throws out of the handler, even when onError throws", async () => {
    const handler = createFaceKitHandler({
      secret: testSecret,
      authorize: () => Promise.reject(new Error("boom")),
      verisoul: { apiKey: "k", redirectUrl: testRedirectUrl },
      onError: () => {
        throw new Error("logger down");
      },
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      const response = await handler(
        new Request("https://shop.example/verisoul/session", { method: "POST" }),
      );
      expect(response.status).toBe(500);
    } finally {
      console.error = original;
    }
  });

  it("reports a bad authorize result as misconfigured", async () => {
    const handler = createFaceKitHandler({
      secret: testSecret,
      authorize: () => ({ accountId: "" }),
      verisoul: { apiKey: "k", redirectUrl: testRedirectUrl },
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await handler(
      new Request("https://shop.example/verisoul/session", { method: "POST" }),
    );
    const lines = logged.mock.calls.map((call) => String(call[0]));
    logged.mockRestore();
    expect(response.status).toBe(500);
    expect((await response.json()).error).toMatchObject({ code: "misconfigured" });
    // Without onError, a misconfiguration still reaches the logs.
    expect(lines).toEqual([expect.stringMatching(/^\[facekit\] authorize\(request\)/)]);
  });
});
