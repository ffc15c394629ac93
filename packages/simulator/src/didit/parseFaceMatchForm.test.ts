import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createDiditTestDriver, smallFixtureFile } from "./createDiditTestDriver.ts";
import { createOversizeJpeg, diditFixturePaths } from "./diditFixtures.ts";

const image = () => smallFixtureFile("personA");
const both = async () => ({
  user_image: await image(),
  ref_image: await smallFixtureFile("personA2"),
});

async function fails(fields: Record<string, string | Blob>) {
  const t = createDiditTestDriver();
  const res = await t.match(fields);
  expect(res.status).toBe(400);
  expect(t.sim.stats().creditsSpent).toBe(0);
  return res.body;
}

describe("POST /v3/face-match/ validation (400, DRF-style field map)", () => {
  it("requires both images", async () => {
    expect(await fails({})).toEqual({
      user_image: ["No file was submitted."],
      ref_image: ["No file was submitted."],
    });
    expect(await fails({ user_image: await image() })).toEqual({
      ref_image: ["No file was submitted."],
    });
  });

  it("refuses text instead of a file and an empty file", async () => {
    const body = await fails({ user_image: "abc", ref_image: new File([], "a.jpg") });
    expect(body.user_image).toEqual([expect.stringMatching(/not a file/)]);
    expect(body.ref_image).toEqual(["The submitted file is empty."]);
  });

  it("checks the file name's extension as Didit does", async () => {
    const bytes = await (await image()).arrayBuffer();
    for (const name of ["a.gif", "a.jpg.exe", "noext", "a.heic", "a.tif"]) {
      const body = await fails({ user_image: new File([bytes], name), ref_image: await image() });
      expect(body).toEqual({
        user_image: [expect.stringMatching(/^File extension .* is not allowed/)],
      });
    }
    for (const name of ["A.JPG", "a.jpeg", "a.png", "a.webp", "a.tiff"]) {
      const t = createDiditTestDriver();
      const res = await t.match({ user_image: new File([bytes], name), ref_image: await image() });
      expect(res.status).toBe(200); // decoded by content, whatever the extension says
    }
  });

  it("refuses a file over 5 MB", async () => {
    const big = new File([(await createOversizeJpeg()).slice()], "big.jpg");
    const body = await fails({ user_image: await image(), ref_image: big });
    expect(body).toEqual({ ref_image: ["File size must not exceed 5 MB."] });
  });

  it("refuses bytes that are not a decodable image", async () => {
    const text = new File(["hello, not a picture"], "photo.jpg");
    const cut = new File(
      [(await readFile(diditFixturePaths().personA)).subarray(0, 2000)],
      "a.jpg",
    );
    for (const file of [text, cut]) {
      const body = await fails({ user_image: file, ref_image: await image() });
      expect(body.user_image).toEqual([expect.stringMatching(/^Upload a valid image/)]);
    }
  });

  it("validates the threshold, the booleans and metadata", async () => {
    const cases: [string, string, string][] = [
      ["face_match_score_decline_threshold", "abc", "A valid integer is required."],
      ["face_match_score_decline_threshold", "30.5", "A valid integer is required."],
      [
        "face_match_score_decline_threshold",
        "-1",
        "Ensure this value is greater than or equal to 0.",
      ],
      [
        "face_match_score_decline_threshold",
        "101",
        "Ensure this value is less than or equal to 100.",
      ],
      ["rotate_image", "maybe", "Must be a valid boolean."],
      ["save_api_request", "2", "Must be a valid boolean."],
      ["metadata", "{not json", "Value must be valid JSON."],
      ["metadata", "[1,2]", "Value must be a JSON object."],
    ];
    for (const [field, value, message] of cases) {
      expect(await fails({ ...(await both()), [field]: value })).toEqual({ [field]: [message] });
    }
    expect(await fails({ ...(await both()), vendor_data: new File(["x"], "x.txt") })).toEqual({
      vendor_data: ["Not a valid string."],
    });
  });

  it("accepts every documented field", async () => {
    const t = createDiditTestDriver();
    const res = await t.match({
      ...(await both()),
      face_match_score_decline_threshold: "0",
      rotate_image: "true",
      save_api_request: "False",
      vendor_data: "user-42",
      metadata: '{"plan":"pro"}',
    });
    expect(res.status).toBe(200);
  });

  it("refuses bodies that are not multipart", async () => {
    const t = createDiditTestDriver();
    const res = await t.send(
      new Request("http://didit.test/v3/face-match/", {
        method: "POST",
        headers: { "x-api-key": "sim_didit_key", "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: 'Unsupported media type "application/json" in request.' });
    const broken = await t.send(
      new Request("http://didit.test/v3/face-match/", {
        method: "POST",
        headers: {
          "x-api-key": "sim_didit_key",
          "content-type": "multipart/form-data; boundary=x",
        },
        body: "garbage",
      }),
    );
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ detail: expect.stringMatching(/^Multipart form parse error/) });
  });
});
