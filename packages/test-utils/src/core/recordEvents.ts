/**
 * Records what a flow emits, for assertions on the event stream.
 * @example
 * const { events, types } = recordEvents(flow);
 * flow.open();
 * expect(types()).toEqual(["session_requested"]);
 * expect(events[0]).toMatchObject({ type: "session_requested" });
 */
export function recordEvents<E extends { type: string }>(flow: {
  on(listener: (event: E) => void): () => void;
}) {
  const events: E[] = [];
  flow.on((e) => events.push(e));
  return { events, types: () => events.map((e) => e.type) };
}
