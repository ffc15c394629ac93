/**
 * The one object-URL double of the repo: core's fake media window hands it to flows, React's
 * `stubObjectUrls` installs it on jsdom's `URL` (which has none).
 */

/**
 * `createObjectURL` hands out `blob:1`, `blob:2`...; `live()` lists those not yet revoked.
 * @example
 * const urls = createFakeObjectUrls();
 * const url = urls.createObjectURL(new Blob());
 * urls.revokeObjectURL(url);
 * expect(urls.live()).toEqual([]);
 */
export function createFakeObjectUrls() {
  const urls = new Set<string>();
  let n = 0;
  return {
    createObjectURL: (_object: Blob | MediaSource) => {
      const url = `blob:${++n}`;
      urls.add(url);
      return url;
    },
    revokeObjectURL: (url: string) => {
      urls.delete(url);
    },
    live: () => [...urls],
  };
}
