import { useCallback, useEffect, useState } from "react";
import { type Account, AccountForm } from "./AccountForm.tsx";
import { FaceStep } from "./FaceStep.tsx";

/** Acme's signup: account details first, then a face check. */
export function App() {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);

  const load = useCallback(() => {
    fetch("/api/account")
      .then((r) => r.json() as Promise<Account | null>)
      .then(setAccount, () => setAccount(null));
  }, []);
  useEffect(() => load(), [load]);

  return (
    <main className="card">
      <h1>Create your Acme account</h1>
      <ol className="steps" aria-label="Signup steps">
        <li aria-current={account ? undefined : "step"}>Your details</li>
        <li aria-current={account ? "step" : undefined}>Face check</li>
      </ol>
      {account === undefined ? (
        <p>Loading…</p>
      ) : account === null ? (
        <AccountForm onCreated={setAccount} />
      ) : (
        <FaceStep account={account} onRefresh={load} />
      )}
    </main>
  );
}
