import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { type FaceMatchMessages, faceMatchMessages } from "./internal/faceMatchMessages.ts";
import { splitOptions } from "./internal/splitOptions.ts";
import { errorText, useMessages } from "./internal/useMessages.ts";
import { faceMatchOptionKeys, type UseFaceMatchOptions, useFaceMatch } from "./useFaceMatch.ts";

/**
 * Props of {@link FaceMatchButton}: the {@link UseFaceMatchOptions}, `prefetch`, `recheck`,
 * `messages` to replace any of its words, and any `<button>` prop.
 * @example
 * const props: FaceMatchButtonProps = { prefetch: true, className: "primary" };
 */
export interface FaceMatchButtonProps
  extends UseFaceMatchOptions,
    Omit<
      ComponentPropsWithoutRef<"button">,
      keyof UseFaceMatchOptions | "type" | "prefetch" | "messages"
    > {
  /** Mints a session on hover/focus, so the click opens faster. */
  prefetch?: boolean;
  /**
   * Once completed, offer "Check again" (a new check, paid again). Default `false`: a completed
   * check is a calm end state that a click does not restart.
   */
  recheck?: boolean;
  /** Words to replace (over the provider's `messages`): the label per status, error words. */
  messages?: Partial<FaceMatchMessages>;
}

/**
 * One `<button>` that runs Verisoul Face Match. Exposes `data-state` for styling; the verdict comes
 * from your backend through `onComplete`. A failure's label says what happened and what to do
 * (the code goes to `onError`); while waiting for a popup the page lost sight of, it offers to
 * start again.
 * @example
 * <FaceMatchButton prefetch className="primary" onComplete={(r) => setDecision(r.decision)} />
 */
export const FaceMatchButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, FaceMatchButtonProps>(
  function FaceMatchButton(props, ref) {
    const [options, { prefetch, recheck, messages, ...button }] = splitOptions(
      props,
      faceMatchOptionKeys,
    );
    const face = useFaceMatch(options);
    const t = useMessages("faceMatch", faceMatchMessages, messages);
    const { status } = face;
    const busy = status === "preparing" || status === "verifying";
    // Completed is an end state, unless the app offers a new check.
    const done = status === "completed" && !recheck;
    const warm = prefetch && !done ? face.prefetch : undefined;
    const label =
      status === "failed"
        ? errorText(t, face.error)
        : face.isDetached
          ? t.detached
          : status === "completed" && recheck
            ? t.checkAgain
            : t[status];
    return (
      <button
        type="button"
        {...button}
        ref={ref}
        data-facekit="face-match"
        data-state={status}
        data-decision={face.result?.decision}
        aria-busy={busy || undefined}
        // Not `disabled`: focus stays on the button, and it is not greyed out.
        aria-disabled={done || undefined}
        disabled={busy || button.disabled}
        onClick={(e) => {
          button.onClick?.(e);
          if (!e.defaultPrevented && !done) face.open();
        }}
        onPointerEnter={(e) => {
          button.onPointerEnter?.(e);
          warm?.();
        }}
        onFocus={(e) => {
          button.onFocus?.(e);
          warm?.();
        }}
      >
        <span aria-live="polite">{button.children ?? label}</span>
      </button>
    );
  },
);
