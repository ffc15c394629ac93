/** Named "people" the capture page can put in front of the simulated camera. */
export const simulatedPeople: readonly { id: string; name: string }[] = [
  { id: "alice", name: "Alice Martin" },
  { id: "bob", name: "Bob Okafor" },
  { id: "chen", name: "Chen Wei" },
  { id: "dana", name: "Dana Cohen" },
];

/** The choice meaning "a face nobody else has". */
export const newFaceChoice = "new";

/**
 * The face id stored for a capture-page choice: `person:<id>` for a named person (the same
 * person across sessions, so enrolments link), a per-session id for a new face, `null` for an
 * unknown choice.
 * @example
 * faceFor("alice", sessionId); // "person:alice"
 */
export function faceFor(choice: string, sessionId: string): string | null {
  if (choice === newFaceChoice) return `new:${sessionId}`;
  return simulatedPeople.some((p) => p.id === choice) ? `person:${choice}` : null;
}
