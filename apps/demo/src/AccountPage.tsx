import { useEffect, useRef } from "react";
import { type Account, type FaceCheck, vendorNames } from "./account.ts";

/** What the banner says about the latest check. */
function verdict(check: FaceCheck): string {
  if (check.lookAlikeOnly) {
    // The person chose both photos: a look-alike is never proof of identity.
    return `${check.decision}. You chose both photos, so this only says whether they look alike, never who you are: your account is not active yet. Verify again with Verisoul or FaceSign to activate it.`;
  }
  if (check.decision === "Pending") {
    return "Your face check is still being reviewed. Reload this page in a minute to see the result.";
  }
  return check.passed
    ? "Your face check passed. Your account is active."
    : "Your face check did not pass. Try again, or pick another way to verify.";
}

const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The fields of one recorded check that say why it passed or not. */
function CheckDetails({ check }: { check: FaceCheck }) {
  const rows: [string, string][] = [
    ["Checked with", vendorNames[check.vendor]],
    ["Decision", check.decision],
  ];
  if (check.riskScore !== undefined) rows.push(["Risk score", check.riskScore.toFixed(2)]);
  if (check.score !== undefined) {
    rows.push(["Similarity", check.score === null ? "no face found" : `${check.score} / 100`]);
  }
  if (check.lookAlikeOnly) rows.push(["Proves who you are", "no: you chose both photos"]);
  if (check.livenessDetected !== undefined) {
    rows.push(["Liveness", check.livenessDetected ? "detected" : "not detected"]);
  }
  rows.push(["Flags", check.flags.length > 0 ? check.flags.join(", ") : "none"]);
  if (check.linkedAccounts !== undefined) {
    rows.push(["Other accounts, same face", String(check.linkedAccounts)]);
  }
  if (check.enrolled !== undefined) rows.push(["Face enrolled", check.enrolled ? "yes" : "no"]);
  rows.push(["Checked at", time(check.checkedAt)], ["Vendor reference", check.reference]);
  return (
    <dl className="result" data-testid="face-check">
      {rows.map(([term, value]) => (
        <div key={term} className="row" data-field={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The account page: the details and the face check as the BACKEND recorded it from the vendor's
 * answer (reloaded from `/api/account`, not taken from the component's callback).
 */
export function AccountPage({
  account,
  focusOnMount,
  onVerifyAgain,
  onSignOut,
}: {
  account: Account;
  focusOnMount: boolean;
  onVerifyAgain: () => void;
  onSignOut: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const check = account.faceCheck;
  const earlier = account.history.slice(1);

  return (
    <section aria-labelledby="account-title" className="account">
      <h1 id="account-title" ref={heading} tabIndex={-1}>
        Welcome to Acme, {account.name}
      </h1>
      {check && (
        <p className={`banner ${check.passed ? "ok" : "warn"}`} data-testid="verdict">
          {verdict(check)}
        </p>
      )}

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">Account</h2>
        <dl className="result">
          <div className="row">
            <dt>Name</dt>
            <dd>{account.name}</dd>
          </div>
          <div className="row">
            <dt>Email</dt>
            <dd>{account.email}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="check-title">
        <h2 id="check-title">
          Face check{" "}
          {check && (
            <span className={`tag ${check.passed ? "tag-ok" : "tag-warn"}`}>
              {check.passed ? "passed" : check.lookAlikeOnly ? "photos only" : "not passed"}
            </span>
          )}
        </h2>
        {check ? (
          <>
            <p className="muted small">Recorded by Acme's server from the vendor's answer.</p>
            <CheckDetails check={check} />
          </>
        ) : (
          <p>No face check yet.</p>
        )}
      </section>

      {earlier.length > 0 && (
        <details className="history">
          <summary>Earlier checks ({earlier.length})</summary>
          <ul>
            {earlier.map((c) => (
              <li key={`${c.reference}-${c.checkedAt}`}>
                {time(c.checkedAt)}: {vendorNames[c.vendor]}, {c.decision}
              </li>
            ))}
          </ul>
        </details>
      )}

      <div className="actions">
        <button
          type="button"
          className={check?.passed ? "secondary" : "primary"}
          onClick={onVerifyAgain}
        >
          Verify again
        </button>
        <button type="button" className="quiet" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </section>
  );
}
