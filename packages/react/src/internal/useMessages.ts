import type { FaceKitError } from "@facekit/core";
import type { FaceKitMessageOverrides, FaceKitMessages } from "../FaceKitMessages.ts";
import type { ErrorWords } from "./errorWords.ts";
import { useFaceKit } from "./FaceKitContext.ts";

type Section = Exclude<keyof FaceKitMessages, "locale">;

/**
 * A component's words: its English defaults, then the provider's `messages`, then its own
 * `messages` prop. Words per error code (`errors`) merge by code.
 * @example
 * const t = useMessages("faceSign", faceSignMessages, props.messages);
 */
export function useMessages<K extends Section>(
  section: K,
  en: FaceKitMessages[K],
  own: FaceKitMessageOverrides[K],
): FaceKitMessages[K] {
  const provider: Partial<ErrorWords> | undefined = useFaceKit(section).messages?.[section];
  const mine: Partial<ErrorWords> | undefined = own;
  return {
    ...en,
    ...provider,
    ...mine,
    errors: { ...en.errors, ...provider?.errors, ...mine?.errors },
  };
}

/**
 * The words for `error`: its code's, else `otherError` (never a developer's message).
 * @example
 * <p role="alert">{errorText(t, error)}</p>
 */
export const errorText = (t: ErrorWords, error: FaceKitError | null | undefined) =>
  (error && t.errors[error.code]) ?? t.otherError;
