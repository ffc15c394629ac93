import type { DiditCompareBody } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { createDiditTestDriver, smallFixtureFile } from "./createDiditTestDriver.ts";

const pair = async () => ({
  user_image: await smallFixtureFile("personA"),
  ref_image: await smallFixtureFile("personA2"),
});

describe("the 200 body's echo and timestamp", () => {
  it("always carries vendor_data and metadata: null when not sent", async () => {
    const t = createDiditTestDriver({ now: () => Date.UTC(2026, 5, 12, 1, 4, 42, 763) });
    const { body } = await t.match<DiditCompareBody>(await pair());
    expect(body).toHaveProperty("vendor_data", null);
    expect(body).toHaveProperty("metadata", null);
    expect(body.created_at).toBe("2026-06-12T01:04:42.763000+00:00");
  });

  it("echoes what was sent, metadata as the JSON object", async () => {
    const t = createDiditTestDriver();
    const fields = { ...(await pair()), vendor_data: "acct_1", metadata: '{"a":[1,{"b":null}]}' };
    const { body } = await t.match<DiditCompareBody>(fields);
    expect(body.vendor_data).toBe("acct_1");
    expect(body.metadata).toEqual({ a: [1, { b: null }] });
  });
});
