/**
 * Each test signs in as its own user (the examples' `user` cookie), so per-account limits
 * never carry over between tests. Every test of the examples fails on a console error or warning, an uncaught exception or a
 * hydration message, or an HTTP answer of 400 or more, in any page of its browser context (the
 * app, popups, the vendors' iframes).
 */
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ user: string; consoleProblems: string[] }>({
  user: [
    async ({ context, baseURL }, use, testInfo) => {
      const user = `user-${testInfo.testId.slice(0, 8)}-${Date.now()}`;
      await context.addCookies([{ name: "user", value: user, url: baseURL ?? "" }]);
      await use(user);
    },
    { auto: true },
  ],
  consoleProblems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      const watch = (page: import("@playwright/test").Page) => {
        page.on("console", (message) => {
          const text = message.text();
          if (["error", "warning"].includes(message.type()) || /hydrat/i.test(text)) {
            problems.push(`${message.type()} on ${page.url()}: ${text}`);
          }
        });
        page.on("pageerror", (error) => problems.push(`uncaught on ${page.url()}: ${error}`));
        page.on("response", (response) => {
          if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
        });
      };
      context.on("page", watch);
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
