import { type RefObject, useEffect } from "react";

/**
 * Shows `ref`'s `<dialog>` as a modal while `open` (`showModal()`, or the `open` attribute where
 * it is missing, e.g. jsdom), puts focus inside it, and on close or unmount closes it and gives
 * focus back to the element that had it before. A passive effect on purpose: React puts back the
 * focus that moved during a commit, so focus moved in a layout effect's cleanup would be undone.
 * @example
 * useModalDialog(dialogRef, modal && open);
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const doc = dialog.ownerDocument;
    const before = doc.activeElement as HTMLElement | null;
    if (typeof dialog.showModal !== "function") dialog.setAttribute("open", "");
    else if (!dialog.open) dialog.showModal();
    if (!dialog.contains(doc.activeElement)) dialog.focus();
    return () => {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
      if (before?.isConnected) before.focus();
    };
  }, [ref, open]);
}
