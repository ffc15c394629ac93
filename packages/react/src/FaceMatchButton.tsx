import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { type FaceMatchMessages, faceMatchMessages } from "./internal/faceMatchMessages.ts";
import { splitOptions } from "./internal/splitOptions.ts";
import { useMessages } from "./internal/useMessages.ts";
import { faceMatchOptionKeys, type UseFaceMatchOptions, useFaceMatch } from "./useFaceMatch.ts";

/**
 * Props of {@link FaceMatchButton}: the {@link UseFaceMatchOptions}, `prefetch`, `messages` to
 * replace any of its words, and any `<button>` prop.
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
  /** Words to replace (over the provider's `messages`): the label per status. */
  messages?: Partial<FaceMatchMessages>;
}

/**
 * One `<button>` that runs Verisoul Face Match. Exposes `data-state` for styling; the verdict comes
 * from your backend through `onComplete`.
 * @example
 * <FaceMatchButton prefetch className="primary" onComplete={(r) => setDecision(r.decision)} />
 */
export const FaceMatchButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, FaceMatchButtonProps>(
  function FaceMatchButton(props, ref) {
    const [options, { prefetch, messages, ...button }] = splitOptions(props, faceMatchOptionKeys);
    const face = useFaceMatch(options);
    const t = useMessages("faceMatch", faceMatchMessages, messages);
    const { status } = face;
    const busy = status === "preparing" || status === "verifying";
    const warm = prefetch ? face.prefetch : undefined;
    return (
      <button
        type="button"
        {...button}
        ref={ref}
        data-facekit="face-match"
        data-state={status}
        data-decision={face.result?.decision}
        aria-busy={busy || undefined}
        disabled={busy || button.disabled}
        onClick={(e) => {
          button.onClick?.(e);
          if (!e.defaultPrevented) face.open();
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
        <span aria-live="polite">{button.children ?? t[status]}</span>
      </button>
    );
  },
);
