import { useEffect, useLayoutEffect } from "react";

/**
 * A layout effect in the browser, a plain effect elsewhere (servers run neither, and React warns
 * about layout effects there). The hooks create their flows with it: it runs in the same task as
 * the commit, so a click can never land on a rendered element whose flow does not exist yet
 * (see docs/decisions/0002-browser-bundle.md). biome.json lists it for exhaustive deps.
 * @example
 * useCommitEffect(() => {
 *   const flow = createFaceSignFlow(options);
 *   return flow.destroy;
 * }, [id]);
 */
export const useCommitEffect: typeof useEffect =
  typeof document === "undefined" ? useEffect : useLayoutEffect;
