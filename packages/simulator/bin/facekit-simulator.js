#!/usr/bin/env node
// The published command: a committed file (so installing the workspace links it before any build)
// that runs the built CLI.
import "../dist/esm/cli.js";
