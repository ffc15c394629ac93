/** Acme's account API (the demo backend's `/api/account` routes), as the page uses it. */
import type { DemoFaceCheck } from "../server/faceChecks.ts";

export type FaceCheck = DemoFaceCheck;
export type Vendor = FaceCheck["vendor"];

export interface Account {
  id: string;
  name: string;
  email: string;
  /** Written by the backend, from the vendor's answer, when a face check ends. */
  faceCheck?: FaceCheck;
  /** Every check of this account, newest first. */
  history: FaceCheck[];
}

export const vendorNames: Record<Vendor, string> = {
  verisoul: "Verisoul Face Match",
  facesign: "FaceSign",
  didit: "Didit selfie compare",
};

/** The signed-in account, or null. */
export async function fetchAccount(): Promise<Account | null> {
  const response = await fetch("/api/account");
  return (await response.json()) as Account | null;
}

/** Creates the account (the backend sets the session cookie). Throws the backend's words. */
export async function createAccount(details: { name: string; email: string }): Promise<Account> {
  const response = await fetch("/api/account", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(details),
  });
  const body = (await response.json()) as Account | { error: string };
  if (!response.ok) throw new Error("error" in body ? body.error : "Something went wrong.");
  return body as Account;
}

/** Forgets the session cookie. */
export async function signOut(): Promise<void> {
  await fetch("/api/account/sign-out", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
}
