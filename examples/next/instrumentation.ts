// Runs once when the server starts (not during `next build`): fail fast on a missing secret.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { facekit } = await import("@/lib/facekit");
    facekit.check();
  }
}
