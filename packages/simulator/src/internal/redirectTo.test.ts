import { describe, expect, it } from "vitest";
import { parseHttpUrl, redirectTo } from "./redirectTo.ts";

describe("redirectTo", () => {
  it("keeps existing parameters and the fragment, replaces same-named ones, drops nulls", () => {
    const res = redirectTo("https://a.example/cb?x=1&success=maybe&error_message=old#f", {
      session_id: "s",
      success: "true",
      error_message: null,
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(
      "https://a.example/cb?x=1&success=true&session_id=s#f",
    );
  });
});

describe("parseHttpUrl", () => {
  it("accepts absolute http(s) URLs only", () => {
    expect(parseHttpUrl("http://127.0.0.1:5173/cb")?.origin).toBe("http://127.0.0.1:5173");
    for (const bad of ["/cb", "javascript:alert(1)", "data:text/html,x", "", null, "ftp://x"]) {
      expect(parseHttpUrl(bad)).toBeNull();
    }
  });
});
