import type { FaceKitMessages } from "../FaceKitMessages.ts";
import { faceMatchMessages } from "../internal/faceMatchMessages.ts";
import { faceSignMessages } from "../internal/faceSignMessages.ts";
import { selfieCompareMessages } from "../internal/selfieCompareMessages.ts";

/**
 * The English catalogue: what the components show by default. Start from it to write another
 * language (every word must be there: it is typed as a whole {@link FaceKitMessages}).
 * @example
 * import { en } from "@facekit/react/locales/en";
 * const de: FaceKitMessages = { ...en, locale: "de", faceMatch: { ...en.faceMatch, idle: "Mit Gesicht bestätigen" } };
 */
export const en: FaceKitMessages = {
  locale: "en",
  faceMatch: faceMatchMessages,
  faceSign: faceSignMessages,
  selfieCompare: selfieCompareMessages,
};
