import type { FaceMatchResult } from "@facekit/core/protocol";
import { FaceMatchButton } from "@facekit/react";
import { useState } from "react";
import type { Account } from "./AccountForm.tsx";

/** Step 2: Verisoul Face Match through FaceKit; the verdict comes from our backend. */
export function FaceStep({ account }: { account: Account }) {
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<FaceMatchResult | null>(null);

  return (
    <section aria-labelledby="face-title">
      <h2 id="face-title">Hi {account.name}, one last step</h2>
      <p>We check that you are a real person and that you do not already have an account.</p>
      <FaceMatchButton
        className="primary"
        prefetch
        onComplete={(r) => {
          setResult(r);
          setMessage(null);
        }}
        onCancel={() => setMessage("Verification cancelled. You can try again when ready.")}
        onError={(e) => setMessage(e.message)}
      />
      <div aria-live="polite">
        {message && <p className="error">{message}</p>}
        {result && (
          <dl className="result">
            <dt>Decision</dt>
            <dd data-testid="decision">{result.decision}</dd>
            <dt>Risk score</dt>
            <dd>{result.riskScore.toFixed(2)}</dd>
            <dt>Risk flags</dt>
            <dd>{result.riskFlags.length ? result.riskFlags.join(", ") : "none"}</dd>
            <dt>Enrolled</dt>
            <dd>{result.enrolled ? "yes" : "no"}</dd>
          </dl>
        )}
      </div>
    </section>
  );
}
