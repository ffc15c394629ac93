import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./createRateLimiter.ts";

describe("createRateLimiter", () => {
  it("slides the window and does not count rejected calls", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => now });
    expect(limiter.take("k").ok).toBe(true);
    now = 500;
    expect(limiter.take("k").ok).toBe(true);
    expect(limiter.take("k")).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 999;
    expect(limiter.take("k").ok).toBe(false);
    now = 1000; // the call at 0 is out of the window; the rejected ones never counted
    expect(limiter.take("k").ok).toBe(true);
    expect(limiter.take("k").ok).toBe(false);
    expect(limiter.take("other").ok).toBe(true);
    limiter.reset();
    expect(limiter.take("k").ok).toBe(true);
  });
});
