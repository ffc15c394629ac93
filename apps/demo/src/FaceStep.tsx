import { FaceMatchButton, SelfieCompareUploader } from "@facekit/react";
import { useState } from "react";
import type { Account } from "./AccountForm.tsx";
import { FaceSignStep } from "./FaceSignStep.tsx";

type Vendor = "verisoul" | "facesign" | "didit";

const vendors: { id: Vendor; label: string; hint: string }[] = [
  { id: "verisoul", label: "Verisoul Face Match", hint: "A quick selfie scan in a new window." },
  { id: "facesign", label: "FaceSign", hint: "A short video chat with an AI assistant, here." },
  {
    id: "didit",
    label: "Didit selfie compare",
    hint: "A selfie and a photo of your ID, compared side by side.",
  },
];

const vendorNames: Record<Vendor, string> = {
  verisoul: "Verisoul Face Match",
  facesign: "FaceSign",
  didit: "Didit Face Match",
};

/**
 * Step 2: a face check, with the vendor the visitor picks. When a check ends, the page reloads
 * the account from our backend: the verdict shown is the one the backend recorded from the
 * vendor's answer (`onResult` of each vendor in the backend).
 */
export function FaceStep({ account, onRefresh }: { account: Account; onRefresh: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [vendor, setVendor] = useState<Vendor>("verisoul");
  const check = account.faceCheck;

  return (
    <section aria-labelledby="face-title">
      <h2 id="face-title">Hi {account.name}, one last step</h2>
      <p>We check that you are a real person and that you do not already have an account.</p>
      <fieldset className="vendors">
        <legend>How would you like to verify?</legend>
        {vendors.map((v) => (
          <label key={v.id} className="vendor">
            <input
              type="radio"
              name="vendor"
              value={v.id}
              checked={vendor === v.id}
              onChange={() => {
                setVendor(v.id);
                setMessage(null);
              }}
              aria-describedby={`vendor-${v.id}-hint`}
            />
            <span>{v.label}</span>
            <small id={`vendor-${v.id}-hint`}>{v.hint}</small>
          </label>
        ))}
      </fieldset>
      {vendor === "verisoul" ? (
        <FaceMatchButton
          className="primary"
          prefetch
          onComplete={() => {
            setMessage(null);
            onRefresh();
          }}
          onCancel={() => setMessage("Verification cancelled. You can try again when ready.")}
          onError={(e) => setMessage(e.message)}
        />
      ) : vendor === "facesign" ? (
        <FaceSignStep onRecorded={onRefresh} onMessage={setMessage} />
      ) : (
        <SelfieCompareUploader
          className="selfie-compare"
          onComplete={() => {
            setMessage(null);
            onRefresh();
          }}
        />
      )}
      <div aria-live="polite">
        {message && <p className="error">{message}</p>}
        {check && (
          <dl className="result" aria-label="Face check saved on your account">
            <dt>Checked with</dt>
            <dd>{vendorNames[check.vendor]}</dd>
            <dt>Decision</dt>
            <dd data-testid="decision">{check.decision}</dd>
            {check.enrolled !== undefined && (
              <>
                <dt>Enrolled</dt>
                <dd>{check.enrolled ? "yes" : "no"}</dd>
              </>
            )}
            {check.score !== undefined && (
              <>
                <dt>Similarity</dt>
                <dd>{check.score ?? "no face found"}</dd>
              </>
            )}
            {check.linkedAccounts !== undefined && (
              <>
                <dt>Other accounts</dt>
                <dd>{check.linkedAccounts}</dd>
              </>
            )}
            <dt>Checked</dt>
            <dd>{new Date(check.checkedAt).toLocaleTimeString()}</dd>
          </dl>
        )}
      </div>
    </section>
  );
}
