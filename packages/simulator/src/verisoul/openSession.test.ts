import type { VerisoulVerifyFaceBody } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { appBase, createTestDriver, redirectParams } from "./createTestDriver.ts";
import { createVerisoulSimulator } from "./createVerisoulSimulator.ts";

const desktopUa =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const phoneUa =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

describe("hosted page headers", () => {
  it("sends a script-free CSP, and COOP only when the scenario asks", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const plain = await t.open(await t.mint());
    const csp = plain.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self' https://shop.example");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(plain.headers.get("cross-origin-opener-policy")).toBeNull();
    expect(await plain.text()).not.toMatch(/<script|\sstyle="|\son[a-z]+="/);

    sim.setScenario({ coop: true });
    const coop = await t.open(await t.mint());
    expect(coop.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    const css = await sim.app(new Request(`${appBase}/sim.css`));
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain(":focus-visible");
  });

  it("sets <html lang> and translates the buttons for es and fr", async () => {
    const t = createTestDriver(createVerisoulSimulator());
    const es = await (await t.open(await t.mint(), { lng: "es" })).text();
    expect(es).toContain('<html lang="es">');
    expect(es).toContain("Completar escaneo (éxito)");
    const fr = await (await t.open(await t.mint(), { lng: "fr" })).text();
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain("<title>Vérifiez votre visage · Simulated Verisoul</title>");
    const odd = await (await t.open(await t.mint(), { lng: '"><x' })).text();
    expect(odd).toContain('<html lang="en">');
  });
});

describe("desktop QR hand-off", () => {
  it("shows the phone link and QR code, never a redirect, and the phone finishes the attempt", async () => {
    const sim = createVerisoulSimulator();
    sim.setScenario({ handoff: "always" });
    const t = createTestDriver(sim);
    const id = await t.mint();
    const desktop = await t.open(id, { userAgent: desktopUa, lng: "en" });
    expect(desktop.status).toBe(200);
    const html = await desktop.text();
    expect(html).toContain("Continue on your phone");
    expect(html).toMatch(
      /<svg role="img" aria-label="[^"]+" xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(html).not.toMatch(/http-equiv="refresh"|<form|<script/);
    const href = /<a href="([^"]+)">/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const phone = new URL(href);
    expect(phone.origin + phone.pathname).toBe(`${appBase}/phone`);
    expect(phone.searchParams.get("session_id")).toBe(id);
    expect(phone.searchParams.get("redirect_url")).toBe(
      "https://shop.example/facekit/callback?flow=signup#top",
    );

    const onPhone = await sim.app(new Request(phone, { headers: { "user-agent": phoneUa } }));
    expect(onPhone.status).toBe(200);
    expect(await onPhone.text()).toContain('action="/complete"');
    // The desktop page itself cannot be reopened: same single attempt.
    expect(redirectParams(await t.open(id)).get("error_message")).toBe("invalid_session_id");

    const done = await t.complete(id, "success");
    expect(redirectParams(done).get("success")).toBe("true");
    expect(sim.session(id)).toMatchObject({ device: "mobile", handoff: true, state: "completed" });
    const data = ((await t.verifyFace(id)).body as VerisoulVerifyFaceBody).session_data;
    expect(data?.device).toMatchObject({ category: "mobile", os: "iOS 17.5" });
    expect(data?.browser).toMatchObject({ type: "Safari", version: "17.5", user_agent: phoneUa });
    const again = await sim.app(new Request(phone));
    expect(redirectParams(again).get("error_message")).toBe("invalid_session_id");
  });

  it("auto hands off desktop user agents only", async () => {
    const sim = createVerisoulSimulator();
    sim.setScenario({ handoff: "auto" });
    const t = createTestDriver(sim);
    const desktop = await (await t.open(await t.mint(), { userAgent: desktopUa })).text();
    expect(desktop).toContain("Continue on your phone");
    const phone = await (await t.open(await t.mint(), { userAgent: phoneUa })).text();
    expect(phone).toContain("Complete scan (success)");
    expect(phone).not.toContain("Continue on your phone");
  });

  it("does not let /phone reopen a session that was not handed off", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.mint();
    await t.open(id);
    const res = await t.open(id, { path: "/phone" });
    expect(redirectParams(res).get("error_message")).toBe("invalid_session_id");
  });
});

describe("media", () => {
  it("serves a placeholder photo for scanned sessions and 404 otherwise", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.run();
    const photo = await sim.app(new Request(`${appBase}/photos/${id}.jpg`));
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    const bytes = new Uint8Array(await photo.arrayBuffer());
    expect([bytes[0], bytes[1], bytes.at(-2), bytes.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    const missing = await sim.app(new Request(`${appBase}/photos/${crypto.randomUUID()}.jpg`));
    expect(missing.status).toBe(404);
    expect((await sim.app(new Request(`${appBase}/nowhere`))).status).toBe(404);
  });
});
