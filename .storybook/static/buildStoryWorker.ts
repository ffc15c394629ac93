/**
 * Bundles the static Storybook's browser-side pieces with esbuild, from the workspace sources
 * (`@facekit/source`): the service worker (`storyWorker.ts`, with the server's `worker` entry and
 * the Didit simulator's browser decoder, which the `browser` platform picks) and the hosted
 * flow's callback page script.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

async function bundle(entry: string, conditions: string[]): Promise<string> {
  const result = await build({
    entryPoints: [here(entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    conditions: ["@facekit/source", ...conditions],
    minify: true,
    legalComments: "none",
    logLevel: "error",
  });
  return result.outputFiles[0]?.text ?? "";
}

/**
 * The service worker's code and the callback page's script.
 * @example
 * const { worker, callback } = await buildStoryWorker();
 */
export async function buildStoryWorker(): Promise<{ worker: string; callback: string }> {
  const [worker, callback] = await Promise.all([
    bundle("./storyWorker.ts", ["worker"]),
    bundle("../storyCallback.ts", []),
  ]);
  return { worker, callback };
}
