import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { FaceKitProvider, SelfieCompareUploader } from "@facekit/react";
import { fakePrepare } from "@facekit/test-utils/core";
import { stubObjectUrls } from "@facekit/test-utils/react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestBackend, type TestBackend } from "../backend.ts";

let urls: ReturnType<typeof stubObjectUrls>;
beforeEach(() => {
  urls = stubObjectUrls();
});
afterEach(() => {
  urls.restore();
  vi.unstubAllGlobals();
});

/** The simulator's committed test photos (jsdom's `import.meta.url` is not a file URL). */
const fixtures = join(import.meta.dirname, "../../../simulator/fixtures");

/** A committed simulator photo as the File a person would pick. */
async function photo(name: "personA" | "personA-2" | "personB"): Promise<File> {
  const bytes = await readFile(join(fixtures, `${name}.jpg`));
  return new File([new Uint8Array(bytes)], `${name}.jpg`, { type: "image/jpeg" });
}

/** Renders the uploader against `backend` and compares `selfie` with `reference`. */
async function compare(backend: TestBackend, selfie: File, reference: File) {
  vi.stubGlobal("XMLHttpRequest", backend.XMLHttpRequest);
  render(
    <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>
      <SelfieCompareUploader prepare={fakePrepare} />
    </FaceKitProvider>,
  );
  const input = (name: string) =>
    screen.getByRole("group", { name }).querySelector("input[type=file]") as HTMLInputElement;
  await screen.findByRole("group", { name: "Reference photo" });
  await userEvent.upload(input("Your selfie"), selfie);
  await userEvent.upload(input("Reference photo"), reference);
  await waitFor(() => expect(screen.getByRole("button", { name: "Compare" })).toBeEnabled());
  await userEvent.click(screen.getByRole("button", { name: "Compare" }));
}

describe("createTestBackend", () => {
  it("runs a selfie compare in jsdom through the handler and the Didit simulator", async () => {
    const backend = createTestBackend();
    await compare(backend, await photo("personA"), await photo("personA-2"));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^Approved/), {
      timeout: 20_000,
    });
    expect((await backend.client.didit.stats()).faceMatchRequests).toBe(1);
  }, 30_000);

  it("declines two different people", async () => {
    await compare(createTestBackend(), await photo("personA"), await photo("personB"));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^Declined/), {
      timeout: 20_000,
    });
  }, 30_000);

  it("answers a signed-out app as the handler would (no vendor call)", async () => {
    const backend = createTestBackend({ accountId: null });
    const response = await backend.fetch("/api/facekit/didit/grant", { method: "POST" });
    expect(response.status).toBe(401);
    expect((await backend.client.didit.stats()).faceMatchRequests).toBe(0);
  });
});
