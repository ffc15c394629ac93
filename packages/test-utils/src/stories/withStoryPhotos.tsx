/**
 * State stories of `<SelfieCompareUploader>` without a play function: a decorator puts a portrait
 * in every empty slot as the file picker would (and presses Compare once), so the story shows its
 * state wherever it renders, the docs page included (play functions do not run there).
 */
import type { Decorator } from "@storybook/react-vite";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * What {@link withStoryPhotos} does once the uploader shows its slots: `pick` a photo for each,
 * or pick and `compare`.
 * @example
 * export const Approved: Story = { parameters: { facekitPhotos: "compare" } satisfies StoryPhotosParameters };
 */
export interface StoryPhotosParameters {
  facekitPhotos?: "pick" | "compare";
}

/**
 * A portrait drawn in the page (head and shoulders on a plain wall), as a person's photo would
 * arrive from the file picker. `hue` tells two photos apart.
 * @example
 * await userEvent.upload(input, await storyPortrait(24));
 */
export async function storyPortrait(hue: number, name = "photo.png"): Promise<File> {
  const canvas = document.createElement("canvas");
  canvas.width = 300;
  canvas.height = 400;
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  const fill = (color: string, draw: () => void) => {
    ctx.fillStyle = color;
    ctx.beginPath();
    draw();
    ctx.fill();
  };
  fill(`hsl(${hue + 190} 30% 80%)`, () => ctx.rect(0, 0, 300, 400));
  fill(`hsl(${hue + 200} 35% 35%)`, () => ctx.ellipse(150, 400, 130, 110, 0, 0, Math.PI * 2));
  fill(`hsl(${hue} 45% 62%)`, () => ctx.ellipse(150, 175, 70, 90, 0, 0, Math.PI * 2));
  const blob = await new Promise<Blob>((resolve) =>
    canvas.toBlob((b) => resolve(b as Blob), "image/png"),
  );
  return new File([blob], name, { type: "image/png" });
}

/** Hands `file` to a hidden file input the way the browser does after a pick. */
function choose(input: HTMLInputElement, file: File) {
  const picked = new DataTransfer();
  picked.items.add(file);
  input.files = picked.files;
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

function StoryPhotos({
  mode,
  children,
}: { mode: StoryPhotosParameters["facekitPhotos"] } & {
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = box.current;
    if (!mode || !root) return;
    const filled = new WeakSet<Element>();
    let pressed = false;
    const step = () => {
      // The reference slot shows once the grant has said the backend does not hold one.
      root.querySelectorAll('fieldset[data-state="empty"]').forEach((slot, i) => {
        const input = slot.querySelector<HTMLInputElement>("input[type=file]");
        if (filled.has(slot) || !input) return;
        filled.add(slot);
        void storyPortrait(i * 150 + 20).then((file) => choose(input, file));
      });
      const compare = root.querySelector<HTMLButtonElement>('[data-part="action"] > button');
      if (mode === "compare" && !pressed && compare?.matches(":enabled:not([aria-disabled])")) {
        pressed = true;
        compare.click();
      }
    };
    const observer = new MutationObserver(step);
    observer.observe(root, { subtree: true, childList: true, attributes: true });
    step();
    return () => observer.disconnect();
  }, [mode]);
  return <div ref={box}>{children}</div>;
}

/**
 * A story decorator: reads `parameters.facekitPhotos` (see {@link StoryPhotosParameters}).
 * @example
 * const meta = { decorators: [withStoryProvider, withStoryPhotos] } satisfies Meta<typeof SelfieCompareUploader>;
 */
export const withStoryPhotos: Decorator = (Story, { parameters }) => (
  <StoryPhotos mode={(parameters as StoryPhotosParameters).facekitPhotos}>
    <Story />
  </StoryPhotos>
);
