import {
  forwardRef,
  type HTMLAttributes,
  type ReactNode,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from "react";
import { type FaceSignMessages, faceSignMessages } from "./internal/faceSignMessages.ts";
import { splitOptions } from "./internal/splitOptions.ts";
import { useDismiss } from "./internal/useDismiss.ts";
import { errorText, useMessages } from "./internal/useMessages.ts";
import { useModalDialog } from "./internal/useModalDialog.ts";
import { faceSignOptionKeys, type UseFaceSignOptions, useFaceSign } from "./useFaceSign.ts";

/**
 * Props of {@link FaceSignEmbed}: the {@link UseFaceSignOptions}, `messages` to replace any of its
 * words, and any HTML prop. `children` show before it starts (`autoOpen={false}`), and replace
 * the end screens (completed, cancelled) when given.
 * @example
 * const props: FaceSignEmbedProps = { className: "verify", onComplete: next };
 */
export interface FaceSignEmbedProps
  extends UseFaceSignOptions,
    Omit<HTMLAttributes<HTMLElement>, keyof UseFaceSignOptions | "messages"> {
  /**
   * `inline` (default): one `<div>`. `modal`: one native `<dialog>` shown while `open`, with a
   * close button; the button, a click on the backdrop and Escape ask before leaving a session the
   * person has begun. A closed modal holds no session (closing cancels it).
   */
  presentation?: "inline" | "modal";
  /** With `presentation="modal"`: whether the dialog is shown (controlled). Default `false`. */
  open?: boolean;
  /** With `presentation="modal"`: the person asked to close - set `open` to false. */
  onOpenChange?: (open: boolean) => void;
  /** Words to replace (over the provider's `messages`). */
  messages?: Partial<FaceSignMessages>;
}

// Stable, so it runs once per mount: focus lands on the safe choice of the confirm.
const focus = (el: HTMLElement | null) => el?.focus();

/**
 * One element that embeds FaceSign's hosted verification in an iframe, with loading, failure
 * (what happened and what to do, per error code) and end screens (complete; not finished, with
 * Start again): a `<div>`, or with `presentation="modal"` a `<dialog>` (named "FaceSign
 * verification") that fills a phone's screen. Exposes `data-state` for styling. Starts on mount,
 * or when the modal opens (`autoOpen={false}` to wait for `open`, through the hook). Sizes (with
 * `@facekit/react/styles.css`): set `--facekit-min-height`, `--facekit-aspect-ratio` or
 * `--facekit-max-height` from a class.
 * @example
 * <FaceKitProvider endpoint="/api/facekit">
 *   <FaceSignEmbed className="verify" onComplete={(summary) => next(summary)} />
 *   <FaceSignEmbed presentation="modal" open={open} onOpenChange={setOpen} onComplete={next} />
 * </FaceKitProvider>
 */
export const FaceSignEmbed = /* @__PURE__ */ forwardRef<HTMLElement, FaceSignEmbedProps>(
  function FaceSignEmbed(props, ref) {
    const [options, { presentation, open = false, onOpenChange, children, messages, ...div }] =
      splitOptions(props, faceSignOptionKeys);
    const modal = presentation === "modal";
    const shown = !modal || open;
    const autoOpen = (options.autoOpen ?? true) && shown;
    const face = useFaceSign({ ...options, autoOpen });
    const t = useMessages("faceSign", faceSignMessages, messages);
    const { status, session, cancel } = face;
    const inner = useRef<HTMLDivElement & HTMLDialogElement>(null);
    useImperativeHandle(ref, () => inner.current as HTMLElement);
    useModalDialog(inner, modal && open);
    const [confirming, setConfirming] = useState(false);
    // A closed modal keeps no session running (nor a camera in a hidden iframe).
    useEffect(() => {
      if (!shown) {
        cancel();
        setConfirming(false);
      }
    }, [shown, cancel]);

    const again = (words: ReactNode, label: string) => (
      <>
        {words}
        <button type="button" onClick={face.open}>
          {label}
        </button>
      </>
    );
    let content = children;
    if (session && (status === "ready" || status === "inProgress")) {
      content = (
        <iframe
          src={session.url}
          title={t.title}
          allow="camera; microphone; autoplay; fullscreen"
          // No inline style (strict CSP): these attributes size it without the stylesheet, which
          // replaces them with `--facekit-aspect-ratio`, `--facekit-min-height`, `--facekit-max-height`.
          width="100%"
          height={560}
        />
      );
    } else if (status === "loading" || (status === "idle" && autoOpen)) {
      content = <output>{t.loading}</output>;
    } else if (status === "failed") {
      content = again(<p role="alert">{errorText(t, face.error)}</p>, t.tryAgain);
    } else if (status === "cancelled") {
      content = children ?? again(<output>{t.cancelled}</output>, t.startAgain);
    } else if (status === "completed") {
      content = children ?? <output>{t.completed}</output>;
    }

    const keepGoing = () => {
      setConfirming(false);
      inner.current?.focus(); // the button goes away: keep focus in the dialog
    };
    const leave = () => {
      setConfirming(false);
      cancel(); // onCancel when a session was under way
      onOpenChange?.(false);
    };
    // The close button, the backdrop, Escape: leave at once, or ask once the person has begun.
    const requestClose = () => (status === "inProgress" ? setConfirming(true) : leave());
    // Escape again, while asking: keep going.
    const onEscape = (e: { preventDefault(): void }) => {
      e.preventDefault();
      if (confirming) keepGoing();
      else requestClose();
    };
    useDismiss(inner, modal && open, onEscape);
    if (!modal) {
      return (
        <div {...div} ref={inner} data-facekit="facesign" data-state={status}>
          {content}
        </div>
      );
    }
    return (
      <dialog
        aria-label={t.title}
        tabIndex={-1}
        {...div}
        ref={inner}
        data-facekit="facesign"
        data-state={status}
        // The close request of the platform (e.g. Android's Back) when no key event preceded it.
        onCancel={onEscape}
        // Closed by the browser behind our back (not through `open`): that is leaving too.
        onClose={() => open && leave()}
      >
        <button type="button" data-facekit-close aria-label={t.close} onClick={requestClose}>
          <span aria-hidden="true">×</span>
        </button>
        {confirming && (
          <fieldset>
            <legend>{t.leaveQuestion}</legend>
            <button type="button" ref={focus} onClick={keepGoing}>
              {t.keepGoing}
            </button>
            <button type="button" onClick={leave}>
              {t.leave}
            </button>
          </fieldset>
        )}
        {content}
      </dialog>
    );
  },
);
