import { VerifyStep } from "./VerifyStep";

/** A server component: the face step with callbacks is the client component `VerifyStep`. */
export default function Home() {
  return (
    <main>
      <h1>Verify your face</h1>
      <VerifyStep />
    </main>
  );
}
