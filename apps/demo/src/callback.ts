// The page Verisoul redirects to (redirect_url). FaceKit hands the outcome to the window that
// started the flow, or back to the signup page in redirect mode.
import { handleFaceKitCallback } from "@facekit/core";

const outcome = handleFaceKitCallback();
const status = document.getElementById("callback-status");
if (status && outcome.kind === "handoff") {
  status.textContent = "All done on this device. You can return to your computer.";
} else if (status && outcome.kind === "invalid") {
  status.textContent = "This link is not a verification result.";
}
