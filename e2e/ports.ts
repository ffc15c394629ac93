/**
 * Fixed ports of the Playwright suite (distinct from the demo's, so both can run at once).
 * `E2E_PORT_OFFSET` shifts them all, so a second harness (e.g. `npm run bench:mount`) can run
 * beside a Playwright run without either one reusing or killing the other's server.
 */
const offset = Number(process.env.E2E_PORT_OFFSET) || 0;

export const e2ePorts = {
  app: 5180 + offset,
  verisoulApi: 4110 + offset,
  verisoulApp: 4111 + offset,
  facesignApi: 4120 + offset,
  facesignApp: 4121 + offset,
  diditApi: 4130 + offset,
} as const;

/** FaceSign's simulator signs its webhooks with this; the harness backend verifies them. */
export const facesignWebhookSecret = "whsec_e2e_facesign";
