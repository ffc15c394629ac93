import { describe, expect, it } from "vitest";
import { maxFaceMatchBodyBytes, readFaceMatchForm } from "./readFaceMatchForm.ts";

/** A multipart-looking body that never ends, counting what was pulled from it. */
function endlessUpload() {
  const pulled = { bytes: 0, cancelled: false };
  const chunk = new Uint8Array(256 * 1024);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  const req = new Request("http://didit.test/v3/face-match/", {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=b" },
    body,
    duplex: "half",
  } as RequestInit);
  return { req, pulled };
}

describe("readFaceMatchForm", () => {
  it("stops reading an unbounded upload at the limit and cancels it", async () => {
    const { req, pulled } = endlessUpload();
    const read = await readFaceMatchForm(req);
    expect(read).toEqual({ ok: false, detail: expect.stringMatching(/exceeds/) });
    expect(pulled.cancelled).toBe(true);
    expect(pulled.bytes).toBeLessThan(maxFaceMatchBodyBytes + 2 * 256 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const req = new Request("http://didit.test/", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b", "content-length": "99999999" },
      body: "--b--",
    });
    expect((await readFaceMatchForm(req)).ok).toBe(false);
  });

  it("parses a small multipart body", async () => {
    const form = new FormData();
    form.set("vendor_data", "u1");
    const read = await readFaceMatchForm(
      new Request("http://didit.test/", { method: "POST", body: form }),
    );
    expect(read.ok && read.form.get("vendor_data")).toBe("u1");
  });
});
