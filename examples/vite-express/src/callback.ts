// The page Verisoul comes back to (verisoul.redirectUrl): it hands the outcome to the window
// that started the flow (popup), or goes back to it (redirect mode).
import { handleFaceKitCallback } from "@facekit/core";

handleFaceKitCallback();
