import {
  forwardRef,
  type HTMLAttributes,
  type SyntheticEvent,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from "react";
import { type FaceSignMessages, faceSignMessages } from "./internal/faceSignMessages.ts";
import { splitOptions } from "./internal/splitOptions.ts";
import { useMessages } from "./internal/useMessages.ts";
import { useModalDialog } from "./internal/useModalDialog.ts";
import { faceSignOptionKeys, type UseFaceSignOptions, useFaceSign } from "./useFaceSign.ts";

/**
 * Props of {@link FaceSignEmbed}: the {@link UseFaceSignOptions}, `messages` to replace any of its
 * words, and any HTML prop. `children` show when there is nothing else to show (not started,
 * completed, cancelled).
 * @example
 * const props: FaceSignEmbedProps = { className: "verify", onComplete: next };
 */
export interface FaceSignEmbedProps
  extends UseFaceSignOptions,
    Omit<HTMLAttributes<HTMLElement>, keyof UseFaceSignOptions | "messages"> {
  /**
   * `inline` (default): one `<div>`. `modal`: one native `<dialog>` shown while `open`; Escape asks
   * before leaving a session the user is in. A closed modal holds no session (closing cancels it).
   */
  presentation?: "inline" | "modal";
  /** With `presentation="modal"`: whether the dialog is shown (controlled). Default `false`. */
  open?: boolean;
  /** With `presentation="modal"`: the user asked to close (Escape, or Leave) - set `open` to false. */
  onOpenChange?: (open: boolean) => void;
  /** Words to replace (over the provider's `messages`). */
  messages?: Partial<FaceSignMessages>;
}

// Stable, so it runs once per mount: focus lands on the safe choice of the confirm.
const focus = (el: HTMLElement | null) => el?.focus();

/**
 * One element that embeds FaceSign's hosted verification in an iframe, with a loading and an error
 * state: a `<div>`, or with `presentation="modal"` a `<dialog>` (named "FaceSign verification").
 * Exposes `data-state` for styling. Starts on mount, or when the modal opens (`autoOpen={false}`
 * to wait for `open`, through the hook). Sizes (with `@facekit/react/styles.css`): set
 * `--facekit-min-height`, `--facekit-aspect-ratio` or `--facekit-max-height` from a class.
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
      content = (
        <>
          <div role="alert">{t.error}</div>
          <button type="button" onClick={face.open}>
            {t.tryAgain}
          </button>
        </>
      );
    }
    if (!modal) {
      return (
        <div {...div} ref={inner} data-facekit="facesign" data-state={status}>
          {content}
        </div>
      );
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
    // Escape (keydown, or the dialog's cancel event): the dialog closes only through `open`.
    const onEscape = (e: SyntheticEvent) => {
      e.preventDefault();
      if (status !== "inProgress") leave();
      else if (confirming) keepGoing();
      else setConfirming(true);
    };
    return (
      <dialog
        aria-label={t.title}
        tabIndex={-1}
        {...div}
        ref={inner}
        data-facekit="facesign"
        data-state={status}
        onCancel={onEscape}
        // Closed by the browser behind our back (not through `open`): that is leaving too.
        onClose={() => open && leave()}
        onKeyDown={(e) => {
          div.onKeyDown?.(e);
          if (e.key === "Escape" && !e.defaultPrevented) onEscape(e);
        }}
      >
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
