/**
 * Test-only: a FaceKit handler with Didit configured against the in-process Didit simulator, with
 * the committed test photos and helpers to play the browser (grant, then multipart compare).
 */
import { readFile } from "node:fs/promises";
import type { ErrorBody, SelfieCompareGrant, SelfieCompareResult } from "@facekit/core/protocol";
import {
  type AuthorizeResult,
  createDiditClient,
  createFaceKitHandler,
  type DiditConfig,
  type FaceKitServerConfig,
  type SelfieCompareResultEvent,
} from "@facekit/server";
import { createDiditSimulator, defaultDiditKey } from "@facekit/simulator";
import { diditFixturePaths } from "@facekit/simulator/node";
import { postJson, testEndpoint } from "./postJson.ts";
import { testSecret } from "./testSecret.ts";

/** The test photos as bytes: person A (twice, and re-encoded), person B, a landscape with no face. */
export async function loadPhotos() {
  const paths = diditFixturePaths();
  const load = async (path: string) => new Blob([new Uint8Array(await readFile(path))]);
  return {
    personA: await load(paths.personA),
    personA2: await load(paths.personA2),
    personAReencoded: await load(paths.personAReencoded),
    personB: await load(paths.personB),
    noFace: await load(paths.noFace),
  };
}

/**
 * A fresh simulator and handler for one test, signed in as `acct-1`. `server` adds handler
 * settings (e.g. a `store`) and may pass another harness's `sim`: two harnesses with one `sim` and
 * one `store` are two instances of one app.
 * @example
 * const t = createDiditHarness({ threshold: 40 });
 * const answer = await t.compare(await t.grant(), { selfie, reference });
 * const b = createDiditHarness({}, { store: t.store, sim: t.sim }); // a second instance
 */
export function createDiditHarness(
  didit: Partial<DiditConfig> = {},
  server: Pick<FaceKitServerConfig, "store"> & {
    sim?: ReturnType<typeof createDiditSimulator>;
  } = {},
) {
  const sim = server.sim ?? createDiditSimulator();
  const fetch: typeof globalThis.fetch = (input, init) => sim.api(new Request(input, init));
  const auth: { current: AuthorizeResult | null } = { current: { accountId: "acct-1" } };
  const results: SelfieCompareResultEvent[] = [];
  const handler = createFaceKitHandler({
    secret: testSecret,
    authorize: () => auth.current,
    store: server.store,
    didit: {
      apiKey: defaultDiditKey,
      baseUrl: "https://didit.test",
      fetch,
      onResult: (event) => {
        results.push(event);
      },
      ...didit,
    },
  });
  handler.check(); // as an app does at boot: a bad config throws here, not on the first request
  const client = createDiditClient({
    apiKey: defaultDiditKey,
    baseUrl: "https://didit.test",
    fetch,
  });
  const url = (route: string) => `${testEndpoint}/didit/${route}`;
  const answer = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as Partial<SelfieCompareResult & ErrorBody>,
  });
  return {
    sim,
    handler,
    auth,
    results,
    fetch,
    /** A Didit client on the same simulator, to read what Didit kept. */
    client,
    /** The grant route; throws unless 200. */
    async grant(): Promise<SelfieCompareGrant> {
      const response = await postJson(handler, "didit/grant");
      if (response.status !== 200) throw new Error(`grant failed: ${await response.text()}`);
      return (await response.json()) as SelfieCompareGrant;
    },
    /** The compare route with these form files (and any extra fields), as the browser sends it. */
    async compare(
      grant: Pick<SelfieCompareGrant, "token"> | null,
      files: Record<string, Blob | string>,
      init: RequestInit = {},
    ) {
      const form = new FormData();
      for (const [name, value] of Object.entries(files)) {
        if (typeof value === "string") form.set(name, value);
        else form.set(name, value, `${name}.jpg`);
      }
      const headers: Record<string, string> = grant ? { "x-facekit-grant": grant.token } : {};
      return answer(
        await handler(
          new Request(url("compare"), { method: "POST", headers, body: form, ...init }),
        ),
      );
    },
  };
}
