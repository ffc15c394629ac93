import { FaceSignEmbed } from "@facekit/react";
import { useRef, useState } from "react";
import { useLog } from "./devtools/EventLogProvider.tsx";
import { useScrollIntoView } from "./useScrollIntoView.ts";

/**
 * FaceSign's hosted video check in an iframe. Minting a session costs a vendor call, so the embed
 * mounts only when the visitor starts. Our backend has recorded the outcome (FaceSign's
 * `onResult`) before the embed hears of it.
 */
export function FaceSignStep({
  onDone,
  onLeft,
}: {
  /** The check finished: the backend has recorded it. */
  onDone: () => void;
  /** The visitor left (the backend recorded that too). */
  onLeft: () => void;
}) {
  const [started, setStarted] = useState(false);
  const log = useLog("facesign");
  // The video check is tall: once started, it is brought into view.
  const embed = useRef<HTMLElement>(null);
  useScrollIntoView(embed, started);

  if (!started) {
    return (
      <button type="button" className="primary" onClick={() => setStarted(true)}>
        Start video check
      </button>
    );
  }
  return (
    <FaceSignEmbed
      ref={embed}
      className="facesign"
      onEvent={log.event}
      onComplete={(summary) => {
        log.callback("onComplete", { summary });
        onDone();
      }}
      onCancel={() => {
        log.callback("onCancel");
        setStarted(false);
        onLeft();
      }}
      // The embed shows the error and a Try again button itself.
      onError={(error) => log.callback("onError", { code: error.code, message: error.message })}
    >
      <p className="muted">Preparing the video check…</p>
    </FaceSignEmbed>
  );
}
