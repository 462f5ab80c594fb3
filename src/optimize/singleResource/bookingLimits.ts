import { fail, join, nonNegativeInteger, array, object } from '../../internal/validate.js';

export type LimitRounding = 'none' | 'down' | 'nearest';

export interface BookingLimitsOptions {
  readonly rounding?: LimitRounding;
}

export const BOOKING_LIMITS_DEFAULTS = { rounding: 'none' } as const satisfies Required<BookingLimitsOptions>;

/** Checks a protection-level vector: numbers ≥ 0 (+Infinity allowed), non-decreasing. @internal */
export function validateProtectionLevels(levels: unknown, path = 'protectionLevels'): readonly number[] {
  const ys = array<unknown>(levels, path);
  let prev = 0;
  for (let j = 0; j < ys.length; j++) {
    const p = join(path, j);
    const y = ys[j];
    if (typeof y !== 'number') fail(p, `must be a number, got ${typeof y}`, 'invalid-type');
    if (Number.isNaN(y) || y === -Infinity) fail(p, `must be a number ≥ 0, got ${y}`);
    if (y < 0) fail(p, `must be ≥ 0, got ${y}`);
    if (y < prev) fail(p, `protection levels must be non-decreasing (cumulative): ${y} follows ${prev}`, 'unsorted');
    prev = y;
  }
  return ys as readonly number[];
}

function validateRounding(r: unknown, path: string): LimitRounding {
  if (r === 'none' || r === 'down' || r === 'nearest') return r;
  return fail(path, `must be 'none', 'down' or 'nearest', got ${JSON.stringify(r)}`);
}

/**
 * Nested booking limits, and the partitioned allocations they imply, from nested protection levels.
 *
 * A protection level y_j is the number of units held back for classes 1..j (the j most expensive) against
 * every cheaper class. In a nested policy class j+1 may sell while more than y_j units remain, so its
 * booking limit (the most it may ever sell, counting the sales of every cheaper class) is
 *
 *   b_1 = C,   b_j = max(0, C − y_{j−1})   for j = 2..n                       (T&vR 2004, §2.1.2, eq. 2.1)
 *
 * The `max(0, ·)` is part of the definition, not a clamp of bad input: a protection level above the
 * capacity simply closes the class. The partitioned allocation (each class its own bucket, no nesting) is
 * a_1 = min(y_1, C), a_j = min(y_j, C) − min(y_{j−1}, C), a_n = C − min(y_{n−1}, C); the buckets sum to C.
 *
 * Reference: Talluri & van Ryzin, *The Theory and Practice of Revenue Management* (2004), §2.1.2
 * (protection levels, nested booking limits, partitioned allocations, Figure 2.1).
 *
 * Notation: n classes, fares high → low (class 1 / index 0 the most expensive); C the capacity in units
 * (rooms, seats); `protectionLevels[j − 1]` = y_j, j = 1..n−1, cumulative and non-decreasing.
 *
 * @param protectionLevels - y_1..y_{n−1}, units; each ≥ 0 (`Infinity` allowed: protect everything),
 *   non-decreasing. An empty list means a single class.
 * @param capacity - C, units; a whole number ≥ 0
 * @param options.rounding - how fractional limits (from normal-demand EMSR levels) are reported:
 *   `'none'` (default) keeps them, `'down'` floors each limit (equivalently rounds protection up: the safe
 *   side), `'nearest'` rounds half up
 * @returns b_1..b_n, units, non-increasing, b_1 = C
 * @example
 * import { bookingLimits } from 'yieldcraft/optimize';
 * bookingLimits([16.7, 50.9, 83.2], 100); // => [100, 83.3, 49.1, 16.799999999999997]
 * bookingLimits([16.7, 50.9, 83.2], 100, { rounding: 'down' }); // => [100, 83, 49, 16]
 */
export function bookingLimits(
  protectionLevels: readonly number[],
  capacity: number,
  options: BookingLimitsOptions = {},
): number[] {
  const ys = validateProtectionLevels(protectionLevels);
  const C = nonNegativeInteger(capacity, 'capacity');
  const opts = object(options, 'options');
  const rounding = validateRounding(opts.rounding ?? BOOKING_LIMITS_DEFAULTS.rounding, 'options.rounding');
  const out = new Array<number>(ys.length + 1);
  out[0] = C;
  for (let j = 0; j < ys.length; j++) {
    let b = Math.max(0, C - ys[j]!);
    if (rounding === 'down') b = Math.floor(b);
    else if (rounding === 'nearest') b = Math.floor(b + 0.5);
    out[j + 1] = b;
  }
  return out;
}

/**
 * Partitioned (non-nested) allocations: how many units each class gets in its own bucket when the same
 * protection levels are read as a partition of the capacity. Length n; sums to C; each ≥ 0.
 *
 * @param protectionLevels - y_1..y_{n−1}, units, ≥ 0, non-decreasing (`Infinity` allowed)
 * @param capacity - C, units; a whole number ≥ 0
 * @returns a_1..a_n, units
 * @example
 * import { partitionedAllocations } from 'yieldcraft/optimize';
 * partitionedAllocations([17, 51, 83], 100); // => [17, 34, 32, 17]
 * partitionedAllocations([17, 51, 120], 100); // => [17, 34, 49, 0]
 */
export function partitionedAllocations(protectionLevels: readonly number[], capacity: number): number[] {
  const ys = validateProtectionLevels(protectionLevels);
  const C = nonNegativeInteger(capacity, 'capacity');
  const out = new Array<number>(ys.length + 1);
  let prev = 0;
  for (let j = 0; j < ys.length; j++) {
    const y = Math.min(ys[j]!, C);
    out[j] = y - prev;
    prev = y;
  }
  out[ys.length] = C - prev;
  return out;
}
