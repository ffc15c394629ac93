import type { ErrorWords } from "./internal/errorWords.ts";
import type { FaceMatchMessages } from "./internal/faceMatchMessages.ts";
import type { FaceSignMessages } from "./internal/faceSignMessages.ts";
import type { SelfieCompareMessages } from "./internal/selfieCompareMessages.ts";

/**
 * A message catalogue: every word the three components show, in one language. English is built
 * in; `es` and `fr` are their own modules (`@facekit/react/locales/es`, `…/fr`), so a bundle
 * carries only the languages it imports. Write your own for another language.
 * @example
 * import { es } from "@facekit/react/locales/es";
 * <FaceKitProvider endpoint="/api/facekit" messages={es}>{children}</FaceKitProvider>
 */
export interface FaceKitMessages {
  /** BCP 47 tag of the language the words are in; the provider's default `locale`. */
  locale: string;
  faceMatch: FaceMatchMessages;
  faceSign: FaceSignMessages;
  selfieCompare: SelfieCompareMessages;
}

/**
 * What the provider's `messages` takes: a whole catalogue, or only the words to replace. Words
 * left out are English; `errors` and `warnings` merge by code.
 * @example
 * const mine: FaceKitMessageOverrides = { ...fr, faceMatch: { ...fr.faceMatch, idle: "Vérifier" } };
 */
export interface FaceKitMessageOverrides {
  locale?: string;
  faceMatch?: Partial<FaceMatchMessages>;
  faceSign?: Partial<FaceSignMessages>;
  selfieCompare?: Partial<SelfieCompareMessages>;
}

export type { ErrorWords, FaceMatchMessages, FaceSignMessages };
