#!/usr/bin/env node
/**
 * The `yieldcraft` command: `yieldcraft <forecast | optimize | decide | evaluate-group | simulate | whatif |
 * report | merge | bench> [--json] [--help]`, `yieldcraft --version`. See `run.ts` for the exit codes
 * and `yieldcraft --help` for the commands.
 */
import { runCli } from './run.js';
import { processIo } from './io.js';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`yieldcraft: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
