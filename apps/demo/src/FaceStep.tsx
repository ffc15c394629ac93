import { FaceMatchButton } from "@facekit/react";
import { useState } from "react";
import type { Account } from "./AccountForm.tsx";

/**
 * Step 2: Verisoul Face Match through FaceKit. When the flow completes, the page reloads the
 * account from our backend: the verdict shown is the one the backend recorded (onResult).
 */
export function FaceStep({ account, onRefresh }: { account: Account; onRefresh: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const check = account.faceCheck;

  return (
    <section aria-labelledby="face-title">
      <h2 id="face-title">Hi {account.name}, one last step</h2>
      <p>We check that you are a real person and that you do not already have an account.</p>
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
      <div aria-live="polite">
        {message && <p className="error">{message}</p>}
        {check && (
          <dl className="result" aria-label="Face check saved on your account">
            <dt>Decision</dt>
            <dd data-testid="decision">{check.decision}</dd>
            <dt>Enrolled</dt>
            <dd>{check.enrolled ? "yes" : "no"}</dd>
            <dt>Other accounts</dt>
            <dd>{check.linkedAccounts}</dd>
            <dt>Checked</dt>
            <dd>{new Date(check.checkedAt).toLocaleTimeString()}</dd>
          </dl>
        )}
      </div>
    </section>
  );
}
