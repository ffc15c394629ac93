import { type ComponentPropsWithoutRef, type CSSProperties, forwardRef } from "react";
import { type UseFaceSignOptions, useFaceSign } from "./useFaceSign.ts";

/**
 * Props of {@link FaceSignEmbed}: the {@link UseFaceSignOptions} and any `<div>` prop. `children`
 * show when there is nothing else to show (not started, completed, cancelled).
 * @example
 * const props: FaceSignEmbedProps = { className: "verify", onComplete: next };
 */
export interface FaceSignEmbedProps
  extends UseFaceSignOptions,
    Omit<ComponentPropsWithoutRef<"div">, keyof UseFaceSignOptions> {}

// Sizes read CSS variables, so a class can change them (inline styles beat class rules).
const frameStyle: CSSProperties = {
  display: "block",
  width: "100%",
  border: 0,
  aspectRatio: "var(--facekit-aspect-ratio, 3 / 4)",
  minHeight: "var(--facekit-min-height, 560px)",
  maxHeight: "var(--facekit-max-height, 90vh)",
};

/**
 * One `<div>` that embeds FaceSign's hosted verification in an iframe, with a loading and an error
 * state. Exposes `data-state` for styling. Starts on mount (`autoStart={false}` to wait for
 * `start`, through the hook). Sizes: set `--facekit-min-height`, `--facekit-aspect-ratio` or
 * `--facekit-max-height` from a class.
 * @example
 * <FaceKitProvider endpoint="/api/facekit">
 *   <FaceSignEmbed className="verify" onComplete={(summary) => next(summary)} />
 * </FaceKitProvider>
 */
export const FaceSignEmbed = forwardRef<HTMLDivElement, FaceSignEmbedProps>(
  function FaceSignEmbed(props, ref) {
    const {
      clientSecret,
      getClientSecret,
      autoStart = true,
      pollIntervalMs,
      onComplete,
      onCancel,
      onError,
      onEvent,
      children,
      ...div
    } = props;
    const face = useFaceSign({
      clientSecret,
      getClientSecret,
      autoStart,
      pollIntervalMs,
      onComplete,
      onCancel,
      onError,
      onEvent,
    });
    const { status, session, error } = face;
    let content = children;
    if (session && (status === "ready" || status === "inProgress")) {
      content = (
        <iframe
          src={session.url}
          title="FaceSign verification"
          allow="camera; microphone; autoplay; fullscreen"
          style={frameStyle}
        />
      );
    } else if (status === "loading" || (status === "idle" && autoStart)) {
      content = <output>Loading verification…</output>;
    } else if (status === "failed") {
      content = (
        <>
          <div role="alert">{error?.message}</div>
          <button type="button" onClick={face.start}>
            Try again
          </button>
        </>
      );
    }
    return (
      <div {...div} ref={ref} data-state={status}>
        {content}
      </div>
    );
  },
);
