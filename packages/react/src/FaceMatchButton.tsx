import type { FaceMatchStatus } from "@facekit/core";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { type UseFaceMatchOptions, useFaceMatch } from "./useFaceMatch.ts";

/**
 * Props of {@link FaceMatchButton}: the {@link UseFaceMatchOptions}, `prefetch`, and any
 * `<button>` prop.
 * @example
 * const props: FaceMatchButtonProps = { prefetch: true, className: "primary" };
 */
export interface FaceMatchButtonProps
  extends UseFaceMatchOptions,
    Omit<ComponentPropsWithoutRef<"button">, keyof UseFaceMatchOptions | "type" | "prefetch"> {
  /** Mints a session on hover/focus, so the click opens faster. */
  prefetch?: boolean;
}

const labels: Record<FaceMatchStatus, string> = {
  idle: "Verify with face",
  preparing: "Preparing…",
  open: "Waiting for verification…",
  verifying: "Verifying…",
  completed: "Verified",
  cancelled: "Try again",
  failed: "Try again",
};

/**
 * One `<button>` that runs Verisoul Face Match. Exposes `data-state` for styling; the verdict comes
 * from your backend through `onComplete`.
 * @example
 * <FaceMatchButton prefetch className="primary" onComplete={(r) => setDecision(r.decision)} />
 */
export const FaceMatchButton = forwardRef<HTMLButtonElement, FaceMatchButtonProps>(
  function FaceMatchButton(props, ref) {
    const {
      mode,
      session,
      getSession,
      prefetch,
      popup,
      pollIntervalMs,
      severWindowMs,
      detachedTimeoutMs,
      onComplete,
      onCancel,
      onError,
      onEvent,
      ...button
    } = props;
    const face = useFaceMatch({
      mode,
      session,
      getSession,
      popup,
      pollIntervalMs,
      severWindowMs,
      detachedTimeoutMs,
      onComplete,
      onCancel,
      onError,
      onEvent,
    });
    const { status } = face;
    const busy = status === "preparing" || status === "verifying";
    const warm = prefetch ? face.prefetch : undefined;
    return (
      <button
        type="button"
        {...button}
        ref={ref}
        data-state={status}
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
        {button.children ?? labels[status]}
      </button>
    );
  },
);
