import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { FaceKitProvider, SelfieCompareUploader } from "@facekit/react";
import { createTestBackend } from "@facekit/testing/backend";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, it, vi } from "vitest";

/** A photo as the File a person picks, from the test images @facekit/simulator ships. */
async function photo(name: string): Promise<File> {
  const simulator = createRequire(join(process.cwd(), "package.json")).resolve(
    "@facekit/simulator/package.json",
  );
  const bytes = await readFile(join(dirname(simulator), "fixtures", name));
  return new File([new Uint8Array(bytes)], name, { type: "image/jpeg" });
}

it("approves two photos of one person", async () => {
  const backend = createTestBackend(); // options: accountId ("test-account"; null: signed out), endpoint, origin
  vi.stubGlobal("XMLHttpRequest", backend.XMLHttpRequest); // FaceKit uploads with XHR (progress)
  URL.createObjectURL = () => "blob:preview"; // jsdom has none (the previews)
  URL.revokeObjectURL = () => {};
  render(
    <FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>
      {/* jsdom has no canvas: send each file as it is */}
      <SelfieCompareUploader prepare={async (file) => ({ blob: file })} />
    </FaceKitProvider>,
  );
  const input = async (name: string) =>
    (await screen.findByRole("group", { name })).querySelector(
      "input[type=file]",
    ) as HTMLInputElement;
  await userEvent.upload(await input("Your selfie"), await photo("personA-2.jpg"));
  await userEvent.upload(await input("Reference photo"), await photo("personA.jpg"));
  const compare = screen.getByRole("button", { name: "Compare" });
  await waitFor(() => expect(compare).toBeEnabled());
  await userEvent.click(compare);
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^Approved/), {
    timeout: 20_000,
  });
}, 30_000);
