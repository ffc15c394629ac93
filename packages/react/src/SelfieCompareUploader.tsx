import { forwardRef, type HTMLAttributes } from "react";
import {
  type SelfieCompareMessages,
  selfieCompareMessages,
} from "./internal/selfieCompareMessages.ts";
import { splitOptions } from "./internal/splitOptions.ts";
import { UploaderSlot } from "./internal/UploaderSlot.tsx";
import { errorText, useMessages } from "./internal/useMessages.ts";
import { useRefocus } from "./internal/useRefocus.ts";
import {
  selfieCompareOptionKeys,
  type UseSelfieCompareOptions,
  useSelfieCompare,
} from "./useSelfieCompare.ts";

/**
 * Props of {@link SelfieCompareUploader}: the {@link UseSelfieCompareOptions}, `messages` to
 * replace any of its words, and any HTML prop of its `<div>`.
 * @example
 * const props: SelfieCompareUploaderProps = { className: "compare", onComplete: next };
 */
export interface SelfieCompareUploaderProps
  extends UseSelfieCompareOptions,
    Omit<HTMLAttributes<HTMLDivElement>, keyof UseSelfieCompareOptions> {
  /** Words to replace (over the provider's `messages`; `errors` merges by code). */
  messages?: Partial<SelfieCompareMessages>;
}

/**
 * One `<div>` (with `data-state`) for Didit's selfie compare: a selfie slot and, when your backend
 * does not hold the reference photo, a reference slot, each taking a file (button or drag and
 * drop) or a camera capture; then Compare, upload progress with Cancel, the result in words, and
 * errors with Try again (a fresh grant). Status changes are announced (`aria-live`).
 * @example
 * <FaceKitProvider endpoint="/api/facekit">
 *   <SelfieCompareUploader className="compare" onComplete={(result) => next(result.status)} />
 * </FaceKitProvider>
 */
export const SelfieCompareUploader = /* @__PURE__ */ forwardRef<
  HTMLDivElement,
  SelfieCompareUploaderProps
>(function SelfieCompareUploader(props, ref) {
  const [options, { messages, ...div }] = splitOptions(props, selfieCompareOptionKeys);
  const face = useSelfieCompare(options);
  const t = useMessages("selfieCompare", selfieCompareMessages, messages);
  const { status, slots, result, error } = face;
  const primary = useRefocus<HTMLButtonElement>(status);
  const cameraOn = Object.values(slots).some((s) => s.status === "camera" && s.isLive);
  const said = cameraOn
    ? t.cameraReady
    : {
        preparing: t.preparing,
        ready: t.ready,
        uploading: face.progress < 1 ? t.uploading : t.comparing,
        cancelled: t.cancelled,
        completed: result && t[result.status],
      }[status as string];

  return (
    <div {...div} ref={ref} data-facekit="selfie-compare" data-state={status}>
      <UploaderSlot slot="selfie" state={slots.selfie} face={face} t={t} />
      {face.reference === "upload" && (
        <UploaderSlot slot="reference" state={slots.reference} face={face} t={t} />
      )}
      {status === "uploading" ? (
        // Once sent, the comparison is under way and can no longer be called off.
        face.progress < 1 && (
          <>
            <label>
              {t.uploading} <progress max={1} value={face.progress} />
            </label>{" "}
            <button type="button" ref={primary} onClick={face.cancel}>
              {t.cancelUpload}
            </button>
          </>
        )
      ) : error ? (
        <>
          <p role="alert">{errorText(t, error)}</p>
          <button type="button" ref={primary} onClick={face.retry}>
            {t.tryAgain}
          </button>
        </>
      ) : (
        <button type="button" ref={primary} disabled={!face.hasImages} onClick={face.submit}>
          {t.compare}
        </button>
      )}
      <output aria-live="polite" data-result={result?.status}>
        {said}
      </output>
      {result && (
        <>
          {result.score !== null && <p>{t.score(result.score)}</p>}
          {result.warnings.length > 0 && (
            <ul>
              {result.warnings.map((w) => (
                <li key={w.code}>{t.warning(w)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
});
