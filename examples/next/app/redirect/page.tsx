import { FaceKitProvider, FaceMatchButton } from "@facekit/react";

/**
 * Redirect mode, straight from a server component: FaceKit's components are client components
 * already, so they render here as long as no function prop (onComplete...) is passed. The
 * button shows the outcome itself (`data-state`, `data-decision`) when the page comes back.
 */
export default function RedirectPage() {
  return (
    <main>
      <h1>Verify your face (full-page redirect)</h1>
      <FaceKitProvider endpoint="/api/facekit">
        <FaceMatchButton mode="redirect" />
      </FaceKitProvider>
    </main>
  );
}
