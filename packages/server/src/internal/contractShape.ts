/**
 * Test support for contract tests (not exported): compares the JSON shape of a body (paths and
 * value types, array items merged under `[]`) with the vendor's documented examples.
 */

/** Path (e.g. `face_match.user_image.entities[].bbox`) -> JSON types seen there. */
type JsonShape = Map<string, Set<string>>;

function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

function collect(value: unknown, path: string, into: JsonShape): JsonShape {
  const seen = into.get(path) ?? new Set<string>();
  seen.add(typeName(value));
  into.set(path, seen);
  if (Array.isArray(value)) for (const item of value) collect(item, `${path}[]`, into);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value))
      collect(item, path ? `${path}.${key}` : key, into);
  }
  return into;
}

/**
 * The merged shape of one or more bodies.
 * @example
 * jsonShape([{ a: 1 }, { a: null }]).get("a"); // Set {"number", "null"}
 */
function jsonShape(bodies: unknown[]): JsonShape {
  const shape: JsonShape = new Map();
  for (const body of bodies) collect(body, "", shape);
  return shape;
}

/**
 * How `actual` differs from the documented examples: `undocumented` paths (or types) the
 * examples never show, and `missing` paths every example has but `actual` lacks (minus
 * `optional` ones, e.g. fields the vendor notes call optional; items of an empty array lack
 * nothing).
 * @example
 * expect(compareShape(simulatorBody, [fixture.body])).toEqual({ undocumented: [], missing: [] });
 */
export function compareShape(
  actual: unknown,
  documented: unknown[],
  optional: string[] = [],
): { undocumented: string[]; missing: string[] } {
  const known = jsonShape(documented);
  const got = jsonShape([actual]);
  const undocumented = [...got].flatMap(([path, types]) =>
    [...types].filter((t) => !known.get(path)?.has(t)).map((t) => `${path || "(root)"}: ${t}`),
  );
  const everywhere = [...known.keys()].filter((path) =>
    documented.every((body) => jsonShape([body]).has(path)),
  );
  // An empty array lacks nothing: only fields whose parent `actual` has are missing.
  const parentOf = (path: string) => path.replace(/(\[\]|\.[^.[\]]+)$/, "");
  const missing = everywhere.filter(
    (path) =>
      !got.has(path) &&
      !optional.includes(path) &&
      !path.endsWith("[]") &&
      (parentOf(path) === "" || got.has(parentOf(path))),
  );
  return { undocumented, missing };
}
