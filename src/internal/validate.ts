/**
 * Small argument checks shared by every public function. Each throws a YieldInputError naming the
 * field (`path`) and the problem; none clamps or coerces.
 * @internal
 */
import { YieldInputError } from '../model/errors.js';

export function fail(path: string, message: string, code: YieldInputError['code'] = 'invalid'): never {
  throw new YieldInputError(code, path, message);
}

function describe(x: unknown): string {
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : String(x);
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return JSON.stringify(x);
  return typeof x;
}

/**
 * The largest magnitude any input number may have: 1e15. Money, units and rates of a revenue problem are
 * far below it, and sums and products of larger numbers overflow (1e308 fares made DLP objectives
 * infinite); rejecting them up front names the field instead of returning ∞ or NaN later.
 */
export const MAX_MAGNITUDE = 1e15;

/** The largest whole number (a capacity, a count of periods or trajectories): 2³¹ − 1, what typed arrays index. */
export const MAX_WHOLE = 2 ** 31 - 1;

/** A finite number (not NaN, not ±Infinity), of magnitude at most {@link MAX_MAGNITUDE}. */
export function finite(x: unknown, path: string): number {
  if (typeof x !== 'number') fail(path, `must be a number, got ${describe(x)}`, 'invalid-type');
  if (!Number.isFinite(x)) fail(path, `must be a finite number, got ${describe(x)}`);
  if (x > MAX_MAGNITUDE || x < -MAX_MAGNITUDE) fail(path, `must be at most ${MAX_MAGNITUDE} in magnitude (larger numbers overflow revenue sums), got ${x}`);
  return x;
}

/** A finite number ≥ 0. */
export function nonNegative(x: unknown, path: string): number {
  const v = finite(x, path);
  if (v < 0) fail(path, `must be ≥ 0, got ${v}`);
  return v;
}

/** A finite number > 0. */
export function positive(x: unknown, path: string): number {
  const v = finite(x, path);
  if (v <= 0) fail(path, `must be > 0, got ${v}`);
  return v;
}

/** An integer ≥ 0, at most {@link MAX_WHOLE}. */
export function nonNegativeInteger(x: unknown, path: string): number {
  const v = nonNegative(x, path);
  if (!Number.isInteger(v)) fail(path, `must be a whole number, got ${v}`);
  if (v > MAX_WHOLE) fail(path, `must be at most ${MAX_WHOLE} (2³¹ − 1), got ${v}`);
  return v;
}

/** An integer ≥ 1, at most {@link MAX_WHOLE}. */
export function positiveInteger(x: unknown, path: string): number {
  const v = finite(x, path);
  if (!Number.isInteger(v) || v < 1) fail(path, `must be a whole number ≥ 1, got ${v}`);
  if (v > MAX_WHOLE) fail(path, `must be at most ${MAX_WHOLE} (2³¹ − 1), got ${v}`);
  return v;
}

/** A probability in [0, 1]. */
export function probability(x: unknown, path: string): number {
  const v = finite(x, path);
  if (v < 0 || v > 1) fail(path, `must be a probability in [0, 1], got ${v}`);
  return v;
}

/** A non-empty array. */
export function nonEmptyArray<T>(x: unknown, path: string): readonly T[] {
  if (!Array.isArray(x)) fail(path, `must be an array, got ${describe(x)}`, 'invalid-type');
  if (x.length === 0) fail(path, 'must not be empty', 'empty');
  return x as readonly T[];
}

/** An array (possibly empty). */
export function array<T>(x: unknown, path: string): readonly T[] {
  if (!Array.isArray(x)) fail(path, `must be an array, got ${describe(x)}`, 'invalid-type');
  return x as readonly T[];
}

/** A plain object. */
export function object(x: unknown, path: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x))
    fail(path, `must be an object, got ${Array.isArray(x) ? 'array' : describe(x)}`, 'invalid-type');
  return x as Record<string, unknown>;
}

/** Join a parent path and a child key: `join('classes[2]', 'fare')` → `classes[2].fare`. */
export function join(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Values strictly decreasing? (fares high → low). Throws naming the first offender. */
export function nonIncreasing(values: readonly number[], path: (i: number) => string, strict = false): void {
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1]!;
    const b = values[i]!;
    if (strict ? !(b < a) : b > a)
      fail(
        path(i),
        `fares must be ordered high → low (class 1 the most expensive): ${b} follows ${a}`,
        'unsorted',
      );
  }
}
