import { describe, expect, it } from "vitest";
import { CliUsageError, parseCliOptions } from "./parseCliOptions.ts";

describe("parseCliOptions", () => {
  it("uses the documented defaults", () => {
    expect(parseCliOptions([], {})).toMatchObject({
      host: "127.0.0.1",
      ports: { verisoulApi: 4010, verisoulApp: 4011, facesignApi: 4020, facesignApp: 4021 },
      keys: { verisoul: "sim_verisoul_key", facesign: "sk_test_facekit_simulator" },
      webhookUrl: null,
      failNext: null,
      diditCredits: 1000,
    });
  });

  it("reads env variables, and a flag wins over its variable", () => {
    const options = parseCliOptions(["--didit-api-port", "0", "--fail-next", "503x3"], {
      DIDIT_SIM_API_PORT: "5000",
      VERISOUL_SIM_APP_PORT: "5001",
      FACESIGN_SIM_WEBHOOK_URL: "http://localhost:3000/api/facekit/facesign/webhook",
      SIMULATOR_LATENCY_MS: "250",
      VERISOUL_API_KEY: "",
    });
    expect(options).toMatchObject({
      ports: { diditApi: 0, verisoulApp: 5001 },
      failNext: { status: 503, count: 3 },
      latencyMs: 250,
      webhookUrl: "http://localhost:3000/api/facekit/facesign/webhook",
      keys: { verisoul: "sim_verisoul_key" },
    });
  });

  it("--free-ports makes every port 0 unless one is given", () => {
    const options = parseCliOptions(["--free-ports", "--verisoul-api-port=4999"], {});
    expect(options).toMatchObject({
      ports: { verisoulApi: 4999, verisoulApp: 0, facesignApi: 0, facesignApp: 0, diditApi: 0 },
    });
  });

  it.each([
    [["--verisoul-api-port", "70000"], {}, /--verisoul-api-port must be an integer/],
    [[], { SIMULATOR_FAIL_NEXT: "404" }, /SIMULATOR_FAIL_NEXT must be 429, 500 or 503/],
    [["--facesign-webhook-url", "/hook"], {}, /absolute http\(s\) URL/],
    [["--nope"], {}, /Unknown option '--nope'.*--help/],
    [[], { FACESIGN_API_KEY: "sk_prod_0123456789" }, /FACESIGN_API_KEY.*real FaceSign key/],
    [[], { VERISOUL_API_KEY: "a1b2c3d4e5f6" }, /VERISOUL_API_KEY.*real Verisoul key/],
    [["--didit-key", "live_key_123"], {}, /--didit-key.*real Didit key/],
  ] as const)("refuses %j %j", (argv, env, message) => {
    expect(() => parseCliOptions([...argv], env)).toThrow(CliUsageError);
    expect(() => parseCliOptions([...argv], env)).toThrow(message);
  });

  it("answers help for -h and --help", () => {
    expect(parseCliOptions(["-h"], {})).toBe("help");
    expect(parseCliOptions(["--help"], { VERISOUL_API_KEY: "real" })).toBe("help");
  });
});
