import { type FaceKitErrorCode, FaceMatchButton, SelfieCompareUploader } from "@facekit/react";
import { useState } from "react";
import { type Account, type Vendor, vendorNames } from "./account.ts";
import { useLog } from "./devtools/EventLogProvider.tsx";
import { FaceSignStep } from "./FaceSignStep.tsx";

const choices: { id: Vendor; hint: string; how: string }[] = [
  {
    id: "verisoul",
    hint: "A quick selfie scan in a new window.",
    how: "A window opens for a short selfie scan. Come back here when it closes.",
  },
  {
    id: "facesign",
    hint: "A short video chat with an AI assistant, right here.",
    how: "Allow the camera, then follow the assistant. It takes about a minute.",
  },
  {
    id: "didit",
    hint: "A selfie and a photo of your ID, compared side by side.",
    how: "Take a selfie or choose one, add the photo from your ID, then compare.",
  },
];

/**
 * What we tell the visitor when a Face Match attempt fails, by `error.code` (the message is for
 * developers: it goes to the event log, never to the page).
 */
const faceMatchTrouble: Partial<Record<FaceKitErrorCode, string>> = {
  popup_blocked: "Your browser blocked the verification window. Allow pop-ups for this site.",
  camera_denied: "The camera was blocked. Allow it for the verification window and try again.",
  scan_incomplete: "The selfie scan was not finished. Try again when ready.",
  liveness_failed:
    "We could not confirm a live person. Try again in good light, facing the camera.",
  session_expired: "The verification took too long. Please start again.",
  rate_limited: "Too many attempts. Wait a moment, then try again.",
  network: "The connection failed. Check your network and try again.",
  unauthorized: "Your session ended. Start over to sign in again.",
};
const otherTrouble = "Verification is not available right now. Please try again later.";

interface Notice {
  text: string;
  isError: boolean;
}

/**
 * Step 2: a face check, with the vendor the visitor picks. When a check ends, `onDone` reloads
 * the account from our backend: what the account page shows is what the backend recorded from
 * the vendor's answer (`onResult` of each vendor in the backend), never the browser's copy.
 */
export function FaceStep({
  account,
  onDone,
  onRefresh,
  onSignOut,
}: {
  account: Account;
  onDone: () => void;
  onRefresh: () => void;
  onSignOut: () => void;
}) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [vendor, setVendor] = useState<Vendor>("verisoul");
  const verisoul = useLog("verisoul");
  const didit = useLog("didit");
  const choice = choices.find((c) => c.id === vendor) ?? choices[0];

  return (
    <section aria-labelledby="face-title">
      <h2 id="face-title">Hi {account.name}, verify it's you</h2>
      <p className="muted">
        A face check keeps Acme free of fake and duplicate accounts. Your photos go to the
        verification service you pick, not to other users.
      </p>
      <fieldset className="vendors">
        <legend>How would you like to verify?</legend>
        {choices.map((c) => (
          <label key={c.id} className="vendor">
            <input
              type="radio"
              name="vendor"
              value={c.id}
              checked={vendor === c.id}
              onChange={() => {
                setVendor(c.id);
                setNotice(null);
              }}
              aria-describedby={`vendor-${c.id}-hint`}
            />
            <span>{vendorNames[c.id]}</span>
            <small id={`vendor-${c.id}-hint`}>{c.hint}</small>
          </label>
        ))}
      </fieldset>

      <section className="check-box" aria-labelledby="check-title" data-vendor={vendor}>
        <h3 id="check-title">{vendorNames[vendor]}</h3>
        <p className="muted small">{choice?.how}</p>
        {vendor === "verisoul" ? (
          <FaceMatchButton
            prefetch
            onEvent={verisoul.event}
            onComplete={(result) => {
              verisoul.callback("onComplete", { result });
              setNotice(null);
              onDone();
            }}
            onCancel={() => {
              verisoul.callback("onCancel");
              setNotice({ text: "Verification cancelled. Try again when ready.", isError: false });
            }}
            onError={(error) => {
              verisoul.callback("onError", { code: error.code, message: error.message });
              setNotice({ text: faceMatchTrouble[error.code] ?? otherTrouble, isError: true });
            }}
          />
        ) : vendor === "facesign" ? (
          <FaceSignStep
            onDone={onDone}
            onLeft={() => {
              setNotice({
                text: "You left the video check. You can start again when ready.",
                isError: false,
              });
              onRefresh();
            }}
          />
        ) : (
          // The uploader shows and announces its own progress, result and errors.
          <SelfieCompareUploader
            className="selfie-compare"
            onEvent={didit.event}
            onComplete={(result) => {
              didit.callback("onComplete", { result });
              onDone();
            }}
            onCancel={() => didit.callback("onCancel")}
            onError={(error) =>
              didit.callback("onError", { code: error.code, message: error.message })
            }
          />
        )}
      </section>

      <div role="alert">{notice?.isError && <p className="notice error">{notice.text}</p>}</div>
      <output className="notice-slot">
        {notice && !notice.isError && <p className="notice">{notice.text}</p>}
      </output>

      <p className="small muted">
        Not {account.name}?{" "}
        <button type="button" className="link" onClick={onSignOut}>
          Start over
        </button>
      </p>
    </section>
  );
}
