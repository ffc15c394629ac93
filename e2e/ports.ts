/** Fixed ports of the Playwright suite (distinct from the demo's, so both can run at once). */
export const e2ePorts = { app: 5180, verisoulApi: 4110, verisoulApp: 4111 } as const;
