import { type FormEvent, useState } from "react";
import { type Account, createAccount } from "./account.ts";

/** Step 1: name and email, posted to the demo backend (which sets a session cookie). */
export function DetailsForm({ onCreated }: { onCreated: (account: Account) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await createAccount({
          name: String(form.get("name") ?? ""),
          email: String(form.get("email") ?? ""),
        }),
      );
    } catch (e) {
      setError(
        e instanceof TypeError
          ? "Could not reach the server. Check your connection and try again."
          : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">Your details</h2>
      <p className="muted">We use these to set up your account. Nothing is shared.</p>
      <form onSubmit={submit} className="form">
        <label>
          Full name
          <input name="name" autoComplete="name" required />
        </label>
        <label>
          Work email
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <div role="alert">{error && <p className="error">{error}</p>}</div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Continue"}
        </button>
      </form>
    </section>
  );
}
