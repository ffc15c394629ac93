import { FaceKitError } from "@facekit/core/protocol";

/** What each vendor's config needs at least, for the message. */
const minimal = {
  verisoul: "{ apiKey, redirectUrl }",
  facesign: "{ apiKey, session: { flow } }",
  didit: "{ apiKey }",
} as const;

const names = { verisoul: "Verisoul", facesign: "FaceSign", didit: "Didit" } as const;

/**
 * The answer for a route (or helper) of a vendor the handler was created without: `not_found`,
 * naming the config to pass.
 * @example
 * if (!verisoul) throw notConfigured("verisoul");
 */
export function notConfigured(vendor: keyof typeof minimal): FaceKitError {
  return new FaceKitError(
    "not_found",
    `${names[vendor]} is not configured: pass a \`${vendor}\` config (${minimal[vendor]}) to createFaceKitHandler.`,
  );
}
