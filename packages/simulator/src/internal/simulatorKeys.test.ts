import { describe, expect, it } from "vitest";
import { startSimulators } from "../node.ts";
import { simulatorKeyProblem } from "./simulatorKeys.ts";

describe("simulator keys", () => {
  it.each([
    ["facesign", "sk_test_facekit_simulator", true],
    ["facesign", "sk_prod_4f9a2c", false],
    ["facesign", "sk_live_4f9a2c", false],
    ["verisoul", "sim_verisoul_key", true],
    ["verisoul", "5d0c7e9a1b2f4c3d", false],
    ["didit", "sim_didit_sandbox_key", true],
    ["didit", "dk_5d0c7e9a1b2f", false],
  ] as const)("%s %s -> accepted %s", (vendor, key, accepted) => {
    expect(simulatorKeyProblem(vendor, key) === null).toBe(accepted);
  });

  it("startSimulators refuses a real-looking key before listening", async () => {
    const started = startSimulators({
      verisoulApiPort: 0,
      verisoulAppPort: 0,
      didit: { apiKeys: ["live-didit-key"] },
    });
    await expect(started).rejects.toThrow(/Refusing to start: the Didit key looks like a real/);
  });
});
