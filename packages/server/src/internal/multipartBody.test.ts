import { describe, expect, it } from "vitest";
import { multipartBody } from "./multipartBody.ts";

describe("multipartBody", () => {
  const image = new Uint8Array(200_000).map((_, i) => i % 251);

  it("is a form any reader parses, with its exact length", async () => {
    const { body, contentType, length } = multipartBody([
      { name: "user_image", filename: 'say "cheese".jpg', type: "image/jpeg", bytes: image },
      { name: "vendor_data", value: "account-1" },
      { name: "empty", value: "" },
    ]);
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    expect(bytes.byteLength).toBe(length);
    const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
    const file = form.get("user_image") as File;
    expect(file.name).toBe('say "cheese".jpg');
    expect(file.type).toBe("image/jpeg");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(image);
    expect(form.get("vendor_data")).toBe("account-1");
    expect(form.get("empty")).toBe("");
  });

  it("streams the caller's bytes as they are, no copy", async () => {
    const { body } = multipartBody([
      { name: "ref_image", filename: "reference.png", type: "image/png", bytes: image },
    ]);
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
    }
    expect(chunks.filter((chunk) => chunk === image)).toHaveLength(1);
  });
});
