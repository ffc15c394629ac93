// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { FaceSignEmbed } from "./FaceSignEmbed.tsx";

describe("server rendering", () => {
  it("renders the embed's loading state with no window", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <FaceKitProvider endpoint="/api/facekit">
        <FaceSignEmbed className="verify" />
      </FaceKitProvider>,
    );
    expect(html).toBe(
      '<div class="verify" data-facekit="facesign" data-state="idle"><output>Loading verification…</output></div>',
    );
  });

  it("renders children when not starting on its own", () => {
    const html = renderToString(
      <FaceKitProvider endpoint="/api/facekit">
        <FaceSignEmbed autoOpen={false}>Verify later</FaceSignEmbed>
      </FaceKitProvider>,
    );
    expect(html).toBe('<div data-facekit="facesign" data-state="idle">Verify later</div>');
  });

  it("renders the modal as one closed dialog (it opens after hydration)", () => {
    const html = renderToString(
      <FaceKitProvider endpoint="/api/facekit">
        <FaceSignEmbed presentation="modal" open>
          Verify later
        </FaceSignEmbed>
      </FaceKitProvider>,
    );
    expect(html).toBe(
      '<dialog aria-label="FaceSign verification" tabindex="-1" data-facekit="facesign" data-state="idle"><button type="button" data-facekit-close="true" aria-label="Close"><span aria-hidden="true">×</span></button><output>Loading verification…</output></dialog>',
    );
  });
});
