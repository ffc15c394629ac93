import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { sampleFaceSignFlow, signFaceSignWebhook } from "../../index.ts";

const cli = fileURLToPath(new URL("../../cli.ts", import.meta.url));
const started: ChildProcess[] = [];

/** Runs the command from source (the published bin is the same code, built). */
function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ["--conditions=@facekit/source", "--import", "tsx", cli, ...args],
    {
      env: {
        ...process.env,
        VERISOUL_API_KEY: "",
        FACESIGN_API_KEY: "",
        DIDIT_API_KEY: "",
        ...env,
      },
    },
  );
  started.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const printed = async (text: string) => {
    while (!stdout.includes(text)) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return stdout;
  };
  return { exited, printed, out: () => ({ stdout, stderr }) };
}

/** `NAME=value` lines of the output. */
const envLines = (stdout: string) =>
  Object.fromEntries([...stdout.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));

afterEach(() => {
  for (const child of started.splice(0)) child.kill();
});

describe("facekit-simulator", () => {
  it("starts on free ports and prints the server config, which points at live simulators", async () => {
    const cli = run(["--free-ports", "--didit-credits", "0"], { DIDIT_API_KEY: "sim_ci_key" });
    const env = envLines(await cli.printed("DIDIT_API_KEY="));
    expect(Object.keys(env)).toEqual([
      "VERISOUL_BASE_URL",
      "VERISOUL_APP_BASE_URL",
      "VERISOUL_API_KEY",
      "FACESIGN_BASE_URL",
      "FACESIGN_API_KEY",
      "FACESIGN_WEBHOOK_SECRET",
      "DIDIT_BASE_URL",
      "DIDIT_API_KEY",
    ]);
    expect(env.VERISOUL_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.DIDIT_API_KEY).toBe("sim_ci_key");
    const scenario = await fetch(`${env.DIDIT_BASE_URL}/__simulator/scenario`);
    expect(await scenario.json()).toMatchObject({ credits: 0 });
    const verisoul = await fetch(`${env.VERISOUL_BASE_URL}/liveness/session`, {
      headers: { "x-api-key": env.VERISOUL_API_KEY ?? "" },
    });
    expect(verisoul.status).toBe(200);
  });

  it("delivers FaceSign's webhooks to --facesign-webhook-url, signed with the given secret", async () => {
    const received: { body: string; signature: string }[] = [];
    const app = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => {
        body += d;
      });
      req.on("end", () => {
        received.push({ body, signature: String(req.headers["x-facesign-signature"]) });
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const hook = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/facekit/facesign/webhook`;
    try {
      const cli = run(["--free-ports", "--facesign-webhook-url", hook], {
        FACESIGN_WEBHOOK_SECRET: "whsec_app",
      });
      const env = envLines(await cli.printed("DIDIT_API_KEY="));
      expect(env.FACESIGN_WEBHOOK_SECRET).toBe("whsec_app");
      const created = await fetch(`${env.FACESIGN_BASE_URL}/sessions`, {
        method: "POST",
        headers: { authorization: `Bearer ${env.FACESIGN_API_KEY}` },
        body: JSON.stringify({ clientReferenceId: "u1", flow: sampleFaceSignFlow }),
      });
      const { clientSecret } = (await created.json()) as { clientSecret: { url: string } };
      await fetch(clientSecret.url); // opening the page: inProgress
      await expect.poll(() => received.length).toBeGreaterThan(0);
      const [first] = received;
      expect(first?.signature).toBe(await signFaceSignWebhook(first?.body ?? "", "whsec_app"));
    } finally {
      app.close();
    }
  });

  it("--help lists every option with its variable and exits 0", async () => {
    const cli = run(["--help"]);
    expect(await cli.exited).toBe(0);
    const { stdout } = cli.out();
    for (const name of [
      "--free-ports",
      "SIMULATOR_HOST",
      "FACESIGN_SIM_WEBHOOK_URL",
      "--fail-next",
    ]) {
      expect(stdout).toContain(name);
    }
  });

  it("refuses a real-looking key with exit code 2, without echoing it", async () => {
    const cli = run(["--free-ports"], { VERISOUL_API_KEY: "vk_live_8f3a9c2e71d04b5a" });
    expect(await cli.exited).toBe(2);
    const { stdout, stderr } = cli.out();
    expect(stderr).toMatch(/Refusing to start: VERISOUL_API_KEY/);
    expect(stderr + stdout).not.toContain("8f3a9c2e71d04b5a");
    expect(stdout).not.toContain("BASE_URL");
  });
});
