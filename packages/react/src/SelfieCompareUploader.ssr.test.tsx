// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { SelfieCompareUploader } from "./SelfieCompareUploader.tsx";

describe("server rendering", () => {
  it("renders what happens, the empty selfie slot and a disabled Compare with no window", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <FaceKitProvider endpoint="/api/facekit">
        <SelfieCompareUploader className="compare" />
      </FaceKitProvider>,
    );
    expect(html).toMatch(
      /^<div class="compare" data-facekit="selfie-compare" data-state="idle"><p data-part="intro">We compare your selfie/,
    );
    expect(html).toContain("<li>Glasses off</li>");
    expect(html).toContain('<fieldset data-slot="selfie"');
    expect(html).toContain("<legend>Your selfie</legend>");
    expect(html).toContain('<input type="file" accept="image/*" hidden=""/>');
    expect(html).toContain("Choose a photo");
    expect(html).toContain('<button type="button" disabled="">Compare</button>');
    expect(html).toContain('<output aria-live="polite"></output>');
    // The reference slot waits for the backend's grant (after hydration).
    expect(html).not.toContain("Reference photo");
  });

  it("renders replaced words", () => {
    const html = renderToString(
      <FaceKitProvider endpoint="/api/facekit">
        <SelfieCompareUploader messages={{ selfie: "Selfie", compare: "Check" }} />
      </FaceKitProvider>,
    );
    expect(html).toContain("<legend>Selfie</legend>");
    expect(html).toContain(">Check</button>");
  });
});
