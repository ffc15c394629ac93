/**
 * "Show code" on the docs pages prints what an app writes, not the stories' stand-ins: a story's
 * mock callbacks (`onComplete={() => {}}`) become the handlers an app passes, any other stand-in
 * function (a story-only `getGrant`, `prepare`...) is left out, and the component sits in the
 * `<FaceKitProvider>` every app has. A story that sets `parameters.docs.source.code` keeps it.
 */

/** What an app does in each callback (the stories' `fn()` mocks print as `() => {}`). */
const handlers: Record<string, string> = {
  onComplete: "(result) => goOn(result)",
  onCancel: "() => showStartAgain()",
  onError: "(error) => track(error.code)",
  onEvent: "(event) => analytics.track(event.type)",
};

const standIn = /\n(\s+)(\w+)=\{(?:\(\) => \{\}|function \w*\(\) \{\})\}/g;

/**
 * The docs' source transform (`parameters.docs.source.transform` in preview.ts).
 * @example
 * storySource("<FaceMatchButton\n  onError={() => {}}\n/>"); // inside a FaceKitProvider, with a real onError
 */
export function storySource(code: string): string {
  const props = code.replace(standIn, (_, indent: string, name: string) =>
    handlers[name] ? `\n${indent}${name}={${handlers[name]}}` : "",
  );
  if (props.includes("FaceKitProvider") || !/^<[A-Z]/.test(props.trim())) return props;
  const inner = props.trim().replace(/^/gm, "  ");
  return `<FaceKitProvider endpoint="/api/facekit">\n${inner}\n</FaceKitProvider>`;
}
