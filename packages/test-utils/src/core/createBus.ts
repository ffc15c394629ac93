/**
 * An in-memory `BroadcastChannel` bus: the tabs of one fake browser share it.
 */

/**
 * Messages reach every other open channel of the same name (asynchronously, as in a browser).
 * `open` is the set of channels not yet closed, so a test can check nothing leaks.
 * @example
 * const bus = createBus();
 * const app = createFakeWindow({ bus });
 * const callback = createFakeWindow({ bus, path: "/callback" });
 * expect(bus.open.size).toBe(0);
 */
export function createBus() {
  const open = new Set<FakeChannel>();
  class FakeChannel {
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      open.add(this);
    }
    postMessage(data: unknown) {
      for (const c of open) {
        if (c !== this && c.name === this.name) {
          queueMicrotask(() => open.has(c) && c.onmessage?.({ data } as MessageEvent));
        }
      }
    }
    close() {
      open.delete(this);
    }
  }
  return { Channel: FakeChannel as unknown as typeof BroadcastChannel, open };
}
