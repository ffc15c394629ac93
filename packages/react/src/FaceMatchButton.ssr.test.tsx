// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { FaceMatchButton } from "./FaceMatchButton.tsx";

describe("server rendering", () => {
  it("renders the provider and the button with no window", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <FaceKitProvider endpoint="/api/facekit">
        <FaceMatchButton className="primary" prefetch />
      </FaceKitProvider>,
    );
    expect(html).toBe(
      '<button type="button" class="primary" data-facekit="face-match" data-state="idle">Verify with face</button>',
    );
  });
});
