import { readFileSync } from "node:fs";
import type { FaceSignSessionObject } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/createMemoryStore.ts";
import { createFaceSignEndReporter } from "./createFaceSignEndReporter.ts";
import type { FaceSignResultEvent } from "./types.ts";

/** A documented FaceSign session (`./contract/`). */
const documented = (name: string): FaceSignSessionObject =>
  JSON.parse(readFileSync(new URL(`./contract/${name}`, import.meta.url), "utf8")).session;

describe("createFaceSignEndReporter", () => {
  it("reports a session again only when a fresh read shows another verdict", async () => {
    const outcomes: string[] = [];
    const report = createFaceSignEndReporter(async (event: FaceSignResultEvent) => {
      outcomes.push(event.verdict.outcome);
    }, createMemoryStore());
    const request = new Request("https://shop.example/");
    const verified = documented("get-session.complete-current.response.json");
    const manipulated = documented("get-session.deepfake-manipulated.response.json");
    const end = (session: FaceSignSessionObject) => ({
      sessionId: session.id,
      session,
      load: async () => session,
    });
    await report(end(verified), request);
    await report(end(verified), request); // same verdict: nothing new
    await report({ sessionId: verified.id, load: async () => manipulated }, request); // no fresh read
    expect(outcomes).toEqual(["verified"]);
    await report(end(manipulated), request); // a deepfake verdict that came late
    await report(end(manipulated), request);
    expect(outcomes).toEqual(["verified", "not_verified"]);
  });

  it("never reports a session without clientReferenceId (not made by FaceKit)", async () => {
    const outcomes: string[] = [];
    const report = createFaceSignEndReporter(async (event: FaceSignResultEvent) => {
      outcomes.push(event.accountId);
    }, createMemoryStore());
    const session = documented("get-session.complete-legacy.response.json");
    const { clientReferenceId: _dropped, ...settings } = session.settings;
    const dashboard = { ...session, settings };
    const load = async () => dashboard;
    expect(
      await report(
        { sessionId: dashboard.id, session: dashboard, load },
        new Request("https://a.b/"),
      ),
    ).toBe(true);
    expect(outcomes).toEqual([]);
  });
});
