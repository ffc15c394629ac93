// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { FaceMatchButton } from "./FaceMatchButton.tsx";
import { en } from "./locales/en.ts";

describe("server rendering", () => {
  it("renders the provider and the button with no window", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <FaceKitProvider endpoint="/api/facekit">
        <FaceMatchButton className="primary" prefetch />
      </FaceKitProvider>,
    );
    // One button, idle, its label in a polite live region (no window was needed to render it).
    expect(html).toMatch(/^<button type="button" class="primary" [^>]*data-state="idle"[^>]*>/);
    expect(html).toContain(`<span aria-live="polite">${en.faceMatch.idle}</span></button>`);
  });
});
