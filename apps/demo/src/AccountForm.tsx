import { type FormEvent, useState } from "react";

export interface Account {
  id: string;
  name: string;
  email: string;
  /** Written by the backend, from the vendor's answer, when a face check ends. */
  faceCheck?: {
    vendor: "verisoul" | "facesign" | "didit";
    decision: string;
    enrolled?: boolean;
    linkedAccounts?: number;
    score?: number | null;
    checkedAt: string;
  };
}

/** Step 1: name and email, posted to the demo backend (which sets a session cookie). */
export function AccountForm({ onCreated }: { onCreated: (account: Account) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/account", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: form.get("name"), email: form.get("email") }),
      });
      const body = await response.json();
      if (response.ok) onCreated(body as Account);
      else setError((body as { error: string }).error);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="form">
      <label>
        Name
        <input name="name" autoComplete="name" required />
      </label>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Creating…" : "Continue"}
      </button>
    </form>
  );
}
