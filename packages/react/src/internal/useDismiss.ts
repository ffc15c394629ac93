import { type RefObject, useEffect } from "react";
import { useLatest } from "./useLatest.ts";

/**
 * While `active`, calls `onDismiss` for Escape pressed anywhere in the page (a listener on the
 * document: focus may be outside the dialog) and for a click on the backdrop of `ref`'s modal
 * dialog (it targets the dialog, outside its box). The caller calls `preventDefault()` on the
 * event it handles. A key pressed inside a cross-origin iframe stays in that iframe's document
 * and never reaches this one: the dialog's close button is the way out from there.
 * @example
 * useDismiss(dialogRef, modal && open, (e) => { e.preventDefault(); requestClose(); });
 */
export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  active: boolean,
  onDismiss: (event: Event) => void,
): void {
  const latest = useLatest(onDismiss);
  useEffect(() => {
    const el = ref.current;
    if (!active || !el) return;
    const doc = el.ownerDocument;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) latest.current(e);
    };
    const onClick = (e: MouseEvent) => {
      const r = el.getBoundingClientRect();
      const { clientX: x, clientY: y } = e;
      const outside = x < r.left || x > r.right || y < r.top || y > r.bottom;
      if (e.target === el && outside) latest.current(e);
    };
    doc.addEventListener("keydown", onKey);
    el.addEventListener("click", onClick);
    return () => {
      doc.removeEventListener("keydown", onKey);
      el.removeEventListener("click", onClick);
    };
  }, [ref, active]);
}
