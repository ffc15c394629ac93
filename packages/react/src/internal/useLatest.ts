import { type RefObject, useInsertionEffect, useRef } from "react";

/**
 * A ref that always holds the value of the latest committed render, so callbacks created once
 * (flow handlers) still call the newest inline props. Updated in an insertion effect: before any
 * layout effect or event handler can read it. biome.json marks its result stable.
 * @example
 * const latest = useLatest({ options, kit });
 * flow.on((event) => latest.current.options.onEvent?.(event));
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
