/**
 * Command-line parsing on Node's own `util.parseArgs` (strict: an unknown flag or a missing value is a
 * usage error), and the converters for flag values. Dates are read with date-fns (`parseISO`, then
 * checked by formatting back, so `2017-02-30` is refused rather than rolled over to March).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { format, isValid, parseISO } from 'date-fns';
import { UsageError } from './errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Flags every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const satisfies OptionSpec;

export interface Parsed<O extends OptionSpec> {
  readonly values: { [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string };
  readonly positionals: readonly string[];
}

/** Parses `argv` against `options` (plus --help and --json); any parse problem is a UsageError of `command`. */
export function parseCommand<O extends OptionSpec>(command: string, argv: readonly string[], options: O): Parsed<O & typeof COMMON_OPTIONS> {
  try {
    const r = parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: true });
    return { values: r.values as Parsed<O & typeof COMMON_OPTIONS>['values'], positionals: r.positionals };
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '.') : String(e);
    throw new UsageError(message, command);
  }
}

/** A calendar date `YYYY-MM-DD` given as flag `--name`, checked with date-fns. */
export function dateFlag(value: string | undefined, name: string, command: string): string {
  if (value === undefined) throw new UsageError(`--${name} is required (a date, YYYY-MM-DD)`, command);
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseISO(value) : new Date(NaN);
  if (!isValid(d) || format(d, 'yyyy-MM-dd') !== value)
    throw new UsageError(`--${name} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`, command);
  return value;
}

/** A whole number ≥ min given as flag `--name` (default when absent). */
export function integerFlag(value: string | undefined, name: string, command: string, min: number, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required (a whole number ≥ ${min})`, command);
    return fallback;
  }
  const n = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(value)}`, command);
  return n;
}

/** A finite number ≥ min given as flag `--name`. */
export function numberFlag(value: string | undefined, name: string, command: string, min = -Infinity): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n) || n < min)
    throw new UsageError(`--${name} must be a number${min > -Infinity ? ` ≥ ${min}` : ''}, got ${JSON.stringify(value)}`, command);
  return n;
}

/** A share in [0, 1]: `0.1` or `10%`. */
export function shareFlag(value: string | undefined, name: string, command: string): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*([0-9.]+)\s*%\s*$/.exec(value);
  const n = m ? Number(m[1]) / 100 : value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--${name} must be a share in [0, 1] (0.1 or 10%), got ${JSON.stringify(value)}`, command);
  return n;
}

/** One of `choices`. */
export function choiceFlag<T extends string>(value: string | undefined, name: string, command: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`, command);
  return value as T;
}

/** Exactly `n` positional arguments (their names for the message). */
export function positionals(parsed: readonly string[], names: readonly string[], command: string): string[] {
  if (parsed.length < names.length) throw new UsageError(`missing ${names.slice(parsed.length).map((n) => `<${n}>`).join(' ')}`, command);
  if (parsed.length > names.length) throw new UsageError(`unexpected argument ${JSON.stringify(parsed[names.length])}`, command);
  return [...parsed];
}
