import type { FaceSignSummary } from "@facekit/react";
import { FaceSignEmbed } from "@facekit/react";
import { useState } from "react";

/**
 * FaceSign's hosted video check in an iframe. Minting a session costs a vendor call, so the embed
 * mounts only when the visitor starts. Our backend has recorded the outcome (FaceSign's
 * `onResult`) before the embed hears of it; the summary the embed got is only shown as a notice.
 */
export function FaceSignStep({
  onRecorded,
  onMessage,
}: {
  onRecorded: () => void;
  onMessage: (message: string | null) => void;
}) {
  const [started, setStarted] = useState(false);
  const [summary, setSummary] = useState<FaceSignSummary | null>(null);

  function ended(result: FaceSignSummary | null, notice: string | null) {
    setStarted(false);
    setSummary(result);
    onMessage(notice);
    onRecorded();
  }

  if (!started) {
    return (
      <>
        <button
          type="button"
          className="primary"
          onClick={() => {
            onMessage(null);
            setSummary(null);
            setStarted(true);
          }}
        >
          Start video check
        </button>
        {summary && (
          <p className="muted">
            FaceSign reported: {summary.isVerified ? "verified" : "not verified"} (the saved result
            below comes from our server).
          </p>
        )}
      </>
    );
  }
  return (
    <FaceSignEmbed
      className="facesign"
      onComplete={(result) => ended(result, null)}
      onCancel={() => ended(null, "You left the video check. You can start again when ready.")}
    />
  );
}
