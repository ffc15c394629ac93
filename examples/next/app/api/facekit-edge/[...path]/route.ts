/**
 * The same FaceKit handler on Next's edge runtime (`@facekit/server` resolves under its edge
 * conditions). Not needed by the app: `examples/e2e/edge.spec.ts` mints a session through it to
 * prove that `next build` bundles the server for the edge and that it answers there.
 */
import { facekit } from "@/lib/facekit";

export const runtime = "edge";
export const POST = facekit;
