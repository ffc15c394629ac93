import { type LogEntry, useLogEntries } from "./EventLogProvider.tsx";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Local time with milliseconds, e.g. 14:03:07.412. */
function clock(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const kindLabel: Record<LogEntry["kind"], string> = {
  event: "onEvent",
  callback: "callback",
  app: "note",
};

/**
 * The log, newest first. Not a live region on purpose: a stream of events read aloud would
 * drown out the page; results and errors are announced by the signup itself.
 */
export function EventLog() {
  const { entries, clear } = useLogEntries();
  return (
    <section className="panel" aria-labelledby="log-title">
      <div className="panel-head">
        <h3 id="log-title">Event log</h3>
        <button type="button" className="quiet" onClick={clear} disabled={entries.length === 0}>
          Clear
        </button>
      </div>
      <p className="muted small">
        The components' <code>onEvent</code> stream and callbacks, newest first.
      </p>
      {entries.length === 0 ? (
        <p className="log-empty">Nothing yet. Start a face check to see its events.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="log" tabIndex={0} aria-label="Event log entries">
          <ol reversed data-testid="event-log">
            {entries.map((e) => (
              <li key={e.id} className={`log-entry log-${e.kind}`} data-source={e.source}>
                <time dateTime={new Date(e.at).toISOString()}>{clock(e.at)}</time>
                <span className={`tag tag-${e.source}`}>{e.source}</span>
                <span className="log-kind">{kindLabel[e.kind]}</span>
                <strong className="log-name">{e.name}</strong>
                {e.detail && <span className="log-detail">{e.detail}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
