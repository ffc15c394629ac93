import { handleFaceKitCallback } from "@facekit/core";

const outcome = handleFaceKitCallback();
const status = document.getElementById("callback-status");
if (status) status.textContent = `callback: ${outcome.kind}`;
