import { type RefObject, useEffect, useRef } from "react";

/**
 * Brings `ref`'s element to the top of the screen when `key` changes after the first render,
 * unless its top is already in the first quarter of the screen: a new step, or a check that
 * starts below the fold, is in view on a phone and on a desktop alike.
 * @example
 * useScrollIntoView(card, stage);
 */
export function useScrollIntoView(ref: RefObject<HTMLElement | null>, key: unknown) {
  const first = useRef(key);
  useEffect(() => {
    const el = ref.current;
    if (first.current === key || !el) return;
    first.current = undefined; // every later change counts, even back to the first key
    const { top } = el.getBoundingClientRect();
    if (top >= 0 && top < innerHeight / 4) return;
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }, [ref, key]);
}
