/**
 * `@facekit/react`: a provider, one hook per vendor flow and one component per hook. English words
 * are built in; other languages are their own entry points (`@facekit/react/locales/es`, `…/fr`).
 * @example
 * import { FaceKitProvider, FaceMatchButton } from "@facekit/react";
 * <FaceKitProvider endpoint="/api/facekit">
 *   <FaceMatchButton prefetch onComplete={(result) => console.info(result.decision)} />
 * </FaceKitProvider>;
 */
export {
  FaceKitError,
  type FaceKitErrorCode,
  type FaceMatchEvent,
  type FaceMatchMode,
  type FaceMatchResult,
  type FaceMatchSession,
  type FaceMatchStatus,
  type FaceSignEvent,
  type FaceSignSession,
  type FaceSignStatus,
  type FaceSignSummary,
  type SelfieCompareEvent,
  type SelfieCompareResult,
  type SelfieCompareSlot,
  type SelfieCompareSlotState,
  type SelfieCompareStatus,
  type SelfieCompareWarning,
} from "@facekit/core";
export type {
  ErrorWords,
  FaceKitMessageOverrides,
  FaceKitMessages,
  FaceMatchMessages,
  FaceSignMessages,
} from "./FaceKitMessages.ts";
export { FaceKitProvider, type FaceKitProviderProps } from "./FaceKitProvider.tsx";
export { FaceMatchButton, type FaceMatchButtonProps } from "./FaceMatchButton.tsx";
export { FaceSignEmbed, type FaceSignEmbedProps } from "./FaceSignEmbed.tsx";
export {
  type SelfieCompareMessages,
  selfieCompareMessages,
} from "./internal/selfieCompareMessages.ts";
export {
  SelfieCompareUploader,
  type SelfieCompareUploaderProps,
} from "./SelfieCompareUploader.tsx";
export { type UseFaceMatchOptions, type UseFaceMatchResult, useFaceMatch } from "./useFaceMatch.ts";
export { type UseFaceSignOptions, type UseFaceSignResult, useFaceSign } from "./useFaceSign.ts";
export {
  type UseSelfieCompareOptions,
  type UseSelfieCompareResult,
  useSelfieCompare,
} from "./useSelfieCompare.ts";
