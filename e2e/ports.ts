/** Fixed ports of the Playwright suite (distinct from the demo's, so both can run at once). */
export const e2ePorts = {
  app: 5180,
  verisoulApi: 4110,
  verisoulApp: 4111,
  facesignApi: 4120,
  facesignApp: 4121,
  diditApi: 4130,
} as const;

/** FaceSign's simulator signs its webhooks with this; the harness backend verifies them. */
export const facesignWebhookSecret = "whsec_e2e_facesign";
