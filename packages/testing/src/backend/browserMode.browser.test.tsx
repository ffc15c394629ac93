import { FaceKitProvider, FaceSignEmbed, SelfieCompareUploader } from "@facekit/react";
import { createTestBackend, type TestBackend } from "@facekit/testing/backend";
import { cleanup, render } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { page, userEvent } from "vitest/browser";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A photo @facekit/simulator ships, by its path from the project root (as the file picker gets it). */
const photo = (name: string) => `packages/simulator/fixtures/${name}`;

it("approves two photos of one person, decoded and compared in Chromium", async () => {
  const backend = createTestBackend(); // options: accountId ("test-account"; null: signed out), endpoint, origin
  vi.stubGlobal("XMLHttpRequest", backend.XMLHttpRequest); // FaceKit uploads with XHR (progress)
  render(
    <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>
      <SelfieCompareUploader />
    </FaceKitProvider>,
  );
  const input = (name: string) =>
    page.getByRole("group", { name }).element().querySelector("input[type=file]") as Element;
  await expect.element(page.getByRole("group", { name: "Reference photo" })).toBeVisible();
  await userEvent.upload(input("Your selfie"), photo("personA-2.jpg"));
  await userEvent.upload(input("Reference photo"), photo("personA.jpg"));
  await expect.element(page.getByRole("button", { name: "Compare" })).toBeEnabled();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect
    .element(page.getByRole("status"), { timeout: 20_000 })
    .toHaveTextContent(/^Approved/);
  expect((await backend.client.didit.stats()).faceMatchRequests).toBe(1);
}, 30_000);

/**
 * What the person does in FaceSign's hosted page (which the frame cannot load here: the simulated
 * vendor lives in the test's page): presses each step's first choice until the flow ends.
 */
async function answerFaceSign(backend: TestBackend, url: string): Promise<void> {
  let answer = await backend.fetch(url);
  for (;;) {
    const html = new DOMParser().parseFromString(await answer.text(), "text/html");
    const form = html.querySelector<HTMLFormElement>('form[action="/step"]');
    if (!form) return;
    const choice = form.querySelector<HTMLButtonElement>('button[name=choice][value="0"]');
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form, choice)) body.append(name, String(value));
    answer = await backend.fetch(new URL("/step", url), { method: "POST", body });
    const next = answer.headers.get("location");
    if (answer.status === 303 && next) answer = await backend.fetch(new URL(next, url));
  }
}

it("embeds a FaceSign session and shows its end once the person finished it", async () => {
  const backend = createTestBackend();
  render(
    <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>
      <FaceSignEmbed pollIntervalMs={100} />
    </FaceKitProvider>,
  );
  const frame = page.getByTitle("FaceSign verification");
  await expect.element(frame).toBeInTheDocument();
  await answerFaceSign(backend, (frame.element() as HTMLIFrameElement).src);
  await expect
    .element(page.getByText("Verification complete. Thank you."), { timeout: 10_000 })
    .toBeVisible();
}, 30_000);
