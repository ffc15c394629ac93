/**
 * Splits a component's props into its hook's options (the `keys` listed next to the hook's
 * options type, checked complete by a type test) and the rest, for its one element.
 * @example
 * const [options, button] = splitOptions(props, faceMatchOptionKeys);
 * const face = useFaceMatch(options);
 */
export function splitOptions<P extends object, K extends keyof P>(
  props: P,
  keys: readonly K[],
): [Pick<P, K>, Omit<P, K>] {
  const options = {} as Pick<P, K>;
  const rest = { ...props };
  for (const key of keys) {
    options[key] = rest[key]; // `undefined` when not given, as if left out
    delete rest[key];
  }
  return [options, rest];
}
