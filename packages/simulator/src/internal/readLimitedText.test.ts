import { describe, expect, it } from "vitest";
import { readLimitedText } from "./readLimitedText.ts";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://sim.test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readLimitedText", () => {
  it("reads a body up to the limit", async () => {
    expect(await readLimitedText(post("a=1&b=2"), 7)).toBe("a=1&b=2");
  });

  it("refuses a declared length over the limit without reading", async () => {
    expect(await readLimitedText(post("x", { "content-length": "100" }), 10)).toBeNull();
  });

  it("stops a streamed body that grows past the limit", async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(8));
      },
    });
    expect(await readLimitedText(post(stream), 20)).toBeNull();
  });
});
