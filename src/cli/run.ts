/**
 * The `yieldcraft` command as a function: arguments in, exit code out, output through a {@link CliIo}
 * (so tests run it in-process). `main.ts` calls it with the process's arguments and streams.
 *
 * Exit codes: 0 ok; 1 a bad input file (`file: field: problem`, one line per problem) or a solver
 * failure; 2 a usage error (unknown command or flag, missing or malformed argument, a command not
 * available), printed with the usage.
 */
import { createRequire } from 'node:module';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, InputFileError, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { COMMANDS, NOT_AVAILABLE, TOP_USAGE, USAGE, type CommandName } from './usage.js';
import { forecastCommand } from './commands/forecast.js';
import { optimizeCommand } from './commands/optimize.js';
import { decideCommand } from './commands/decide.js';
import { evaluateGroupCommand } from './commands/evaluateGroup.js';
import { mergeCommand, reportCommand, simulateCommand, whatifCommand } from './commands/study.js';
import { benchCommand } from './commands/bench.js';
import { YieldInputError } from '../model/errors.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const HANDLERS: Partial<Record<CommandName, Command>> = {
  forecast: forecastCommand,
  optimize: optimizeCommand,
  decide: decideCommand,
  'evaluate-group': evaluateGroupCommand,
  simulate: simulateCommand,
  whatif: whatifCommand,
  report: reportCommand,
  merge: mergeCommand,
  bench: benchCommand,
};

/** The package version (from package.json, found next to the sources or the build). */
export function version(): string {
  const require = createRequire(import.meta.url);
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'yieldcraft' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  let command: CommandName | undefined;
  try {
    if (first === undefined) throw new UsageError('a command is required');
    if (first === '--version' || first === '-v') {
      if (rest.length) throw new UsageError(`--version takes no arguments, got ${JSON.stringify(rest[0])}`);
      io.out(`${version()}\n`);
      return EXIT_OK;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.out(TOP_USAGE + '\n');
      return EXIT_OK;
    }
    if (!(COMMANDS as readonly string[]).includes(first))
      throw new UsageError(first.startsWith('-') ? `unknown option ${JSON.stringify(first)} (options follow the command)` : `unknown command ${JSON.stringify(first)}`);
    command = first as CommandName;
    const handler = HANDLERS[command];
    if (handler === undefined) {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.out(`${USAGE[command]}\n\nyieldcraft ${command} is not available: ${NOT_AVAILABLE[command]}.\n`);
        return EXIT_OK;
      }
      throw new UsageError(`yieldcraft ${command} is not available: ${NOT_AVAILABLE[command]}`, command);
    }
    const code = await handler(rest, io);
    if (code === -1) {
      io.out(USAGE[command] + '\n');
      return EXIT_OK;
    }
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`yieldcraft: ${e.message}\n\n${e.command ? USAGE[e.command as CommandName] : TOP_USAGE}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InputFileError) {
      io.err(e.message + '\n');
      return EXIT_INPUT;
    }
    if (e instanceof YieldInputError) {
      // Bad input that came from no particular file (e.g. a flag value the library refused).
      io.err(`yieldcraft${command ? ` ${command}` : ''}: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
}
