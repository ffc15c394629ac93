import { describe, expect, it } from "vitest";
import { matchLocale } from "./matchLocale.ts";

describe("matchLocale", () => {
  it("finds the tag itself, or its nearest parent, ignoring case and underscores", () => {
    expect(matchLocale("es", ["en", "es"])).toBe("es");
    expect(matchLocale("fr-CA", ["en", "fr"])).toBe("fr");
    expect(matchLocale("FR_ca", ["en", "fr-CA", "fr"])).toBe("fr-CA");
    expect(matchLocale("zh-Hant-HK", ["zh-hant", "zh"])).toBe("zh-hant");
  });

  it("answers undefined for anything the list does not allow", () => {
    expect(matchLocale("de", ["en", "es"])).toBeUndefined();
    expect(matchLocale("", ["en"])).toBeUndefined();
    expect(matchLocale(undefined, ["en"])).toBeUndefined();
    expect(matchLocale("-", ["en"])).toBeUndefined();
    expect(matchLocale("e", ["es"])).toBeUndefined();
    expect(matchLocale("es", [])).toBeUndefined();
  });
});
