/**
 * Which API keys the simulators may be configured with. A simulator must never be mistaken for a
 * vendor, so a key that could be a real one (from an app's production `.env`, say) is refused.
 *
 * From the vendor notes: FaceSign keys carry their environment in the prefix (`sk_test_` sandbox,
 * `sk_prod_` production; `sk_live_` in superseded docs). Verisoul and Didit keys have no
 * documented shape and a sandbox key cannot be told from a live one, so for them only keys that
 * say they belong to the simulator (`sim_…`) are accepted.
 */

/** The vendors a simulator key is checked for. */
export type SimulatedVendor = "verisoul" | "facesign" | "didit";

const rules: Record<SimulatedVendor, { test: (key: string) => boolean; shape: string }> = {
  verisoul: { test: (k) => k.startsWith("sim_"), shape: "a key starting with sim_" },
  didit: { test: (k) => k.startsWith("sim_"), shape: "a key starting with sim_" },
  facesign: {
    test: (k) => k.startsWith("sk_test_"),
    shape: "a sandbox key starting with sk_test_",
  },
};

/**
 * The reason `key` may not configure the `vendor` simulator, or `null` when it is a simulator key.
 * @example
 * simulatorKeyProblem("facesign", "sk_prod_abc"); // "… looks like a real FaceSign key …"
 */
export function simulatorKeyProblem(vendor: SimulatedVendor, key: string): string | null {
  const rule = rules[vendor];
  if (rule.test(key)) return null;
  const name = { verisoul: "Verisoul", facesign: "FaceSign", didit: "Didit" }[vendor];
  // The key itself is never echoed: it may be a real secret.
  return `the ${name} key looks like a real ${name} key; the simulator only takes ${rule.shape}`;
}

/**
 * Throws when any configured key could be a real vendor key.
 * @example
 * assertSimulatorKeys({ verisoul: ["sim_verisoul_key"], didit: options.didit?.apiKeys });
 */
export function assertSimulatorKeys(keys: Partial<Record<SimulatedVendor, readonly string[]>>) {
  for (const [vendor, list] of Object.entries(keys) as [SimulatedVendor, string[] | undefined][]) {
    for (const key of list ?? []) {
      const problem = simulatorKeyProblem(vendor, key);
      if (problem) throw new Error(`Refusing to start: ${problem}.`);
    }
  }
}
