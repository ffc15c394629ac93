import { forwardRef, type HTMLAttributes, useId } from "react";
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
 * One `<div>` (with `data-state`) for Didit's selfie compare: what happens and tips for a good
 * selfie, a selfie slot and, when your backend does not hold the reference photo, a reference
 * slot, each taking a file (button or drag and drop) or a camera capture; then Compare, upload
 * progress with Cancel, the result in words, and errors with Try again (a fresh grant). A result
 * belongs to its photos: Compare stays disabled (`aria-disabled`, with the reason) until a photo
 * changes, so a click never pays for the same comparison twice. Lays out by its own width
 * (container queries): compact slots when narrow, side by side when they fit. Status changes
 * are announced (`aria-live`).
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
  const { status, slots, result, error, progress } = face;
  const primary = useRefocus<HTMLButtonElement>(status);
  const why = useId();
  const sent = progress >= 1;
  const cameraOn = Object.values(slots).some((s) => s.status === "camera" && s.isLive);
  const said = cameraOn
    ? t.cameraReady
    : {
        preparing: t.preparing,
        ready: t.ready,
        uploading: sent ? t.comparing : t.uploading,
        cancelled: t.cancelled,
        completed: result && t[result.status],
      }[status as string];

  return (
    <div {...div} ref={ref} data-facekit="selfie-compare" data-state={status}>
      <p data-part="intro">
        {t.intro} <small>{t.privacy}</small>
      </p>
      <ul data-part="tips">
        {t.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      <UploaderSlot slot="selfie" state={slots.selfie} face={face} t={t} />
      {face.reference === "upload" && (
        <UploaderSlot slot="reference" state={slots.reference} face={face} t={t} />
      )}
      <div data-part="action">
        {status === "uploading" ? (
          <>
            {/* Indeterminate once sent: the backend is comparing. */}
            <progress aria-label={t.uploading} max={1} value={sent ? undefined : progress} />
            {/* Once sent, the comparison is under way and can no longer be called off. */}
            <button type="button" ref={primary} disabled={sent} onClick={face.cancel}>
              {t.cancelUpload}
            </button>
          </>
        ) : error ? (
          <>
            <p role="alert">{errorText(t, error)}</p>
            <button type="button" ref={primary} onClick={face.retry}>
              {t.tryAgain}
            </button>
          </>
        ) : (
          // After a result: still focusable (focus lands here), with the reason read out.
          <button
            type="button"
            ref={primary}
            disabled={!face.hasImages}
            aria-disabled={!!result || undefined}
            aria-describedby={result ? why : undefined}
            onClick={result ? undefined : face.submit}
          >
            {t.compare}
          </button>
        )}
      </div>
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
          <p id={why}>{t.newPhotos}</p>
        </>
      )}
    </div>
  );
});
