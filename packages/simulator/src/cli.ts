#!/usr/bin/env node
/**
 * `facekit-simulator` (`npx @facekit/simulator --help`): the simulators as one command. Every
 * option has a flag and an environment variable; see `internal/cli/cliFlags.ts`.
 * @example
 * // npx @facekit/simulator --free-ports --facesign-webhook-url http://localhost:3000/api/facekit/facesign/webhook
 */
import { runCli } from "./internal/cli/runCli.ts";

await runCli(process.argv.slice(2), process.env);
