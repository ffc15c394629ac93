"use client"; // Next.js: function props (onComplete...) live in a client component
import {
  type ErrorWords,
  type FaceKitError,
  FaceKitProvider,
  FaceMatchButton,
  FaceSignEmbed,
  SelfieCompareUploader,
} from "@facekit/react";
import { en } from "@facekit/react/locales/en";
import { useState } from "react";

/** What people read about an error: the component's own words for its code, never error.message. */
const say = ({ errors, otherError }: ErrorWords, error: FaceKitError) =>
  errors[error.code] ?? otherError;

// One face step; use the component of the vendor(s) you configured on the backend.
export function VerifyStep() {
  const [outcome, show] = useState("");
  return (
    <FaceKitProvider endpoint="/api/facekit">
      {/* Verisoul: a button that opens the hosted selfie scan in a popup. */}
      <FaceMatchButton
        prefetch
        className="button"
        onComplete={(result) => show(`Face match: ${result.decision}`)} // your next step here
        onCancel={() => show("Closed before finishing. Try again when ready.")}
        onError={(error) => show(say(en.faceMatch, error))} // error.code: popup_blocked, ...
      />

      {/* FaceSign: the hosted video check in an iframe; it starts (mints a session) when mounted. */}
      <FaceSignEmbed
        className="video-check"
        onComplete={(summary) => show(`FaceSign: ${summary?.isVerified ? "verified" : "done"}`)}
        onCancel={() => show("You left the video check.")}
        onError={(error) => show(say(en.faceSign, error))}
      />

      {/* Didit: a selfie (camera or file) and a reference photo, compared by your backend. */}
      <SelfieCompareUploader
        className="compare"
        onComplete={(result) => show(`Selfie compare: ${result.status}`)}
        onError={(error) => show(say(en.selfieCompare, error))}
        onEvent={(event) => console.info("facekit.didit", event.type)} // your analytics here
      />

      <p aria-live="polite">{outcome}</p>
    </FaceKitProvider>
  );
}
