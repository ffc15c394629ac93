import { useEffect, useRef } from "react";

/**
 * A ref for the element that takes focus when `key` changes and focus was lost with the element
 * that had it (a button that went away). Focus elsewhere on the page is never moved.
 * @example
 * const primary = useRefocus<HTMLButtonElement>(slot.status);
 * return <button ref={primary}>Capture</button>;
 */
export function useRefocus<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  const last = useRef(key);
  useEffect(() => {
    const el = ref.current;
    if (last.current === key) return;
    last.current = key;
    const active = el?.ownerDocument.activeElement;
    if (el && (!active || active === el.ownerDocument.body)) el.focus();
  }, [key]);
  return ref;
}
