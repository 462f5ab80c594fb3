/**
 * Options shared by the EMSR heuristics (`emsrA`, `emsrB`, `emsrBWithFareTransformation`): how the
 * protection levels are rounded and whether they are capped at a capacity.
 *
 * - `rounding`: `'none'` (default) returns the levels as computed (fractional for normal demand; already
 *   whole numbers for discrete demand); `'nearest'` rounds half up; `'up'` rounds up (the safe side for
 *   the high classes: Phillips 2005, §7.3, rounds protection levels up); a level within 1e-9 of a whole
 *   number counts as that number (so float noise never adds a unit).
 * - `capacity`: when given (a whole number ≥ 0), every level is capped at it, explicitly: y_j ≤ C. Without
 *   it the levels are uncapped (and +Infinity is possible when a lower fare is 0: see `littlewood`).
 *
 * Order of operations: raw levels → non-decreasing envelope (EMSR-b only, see there) → rounding → cap.
 */
import { fail, nonNegativeInteger, object } from '../../internal/validate.js';

export type EmsrRounding = 'none' | 'nearest' | 'up';

export interface EmsrOptions {
  readonly rounding?: EmsrRounding;
  readonly capacity?: number;
}

export const EMSR_DEFAULTS = { rounding: 'none', capacity: undefined } as const;

/** @internal */
export function readEmsrOptions(opts: unknown): { rounding: EmsrRounding; capacity: number } {
  const o = object(opts ?? {}, 'options');
  const r = o.rounding ?? EMSR_DEFAULTS.rounding;
  if (r !== 'none' && r !== 'nearest' && r !== 'up')
    fail('options.rounding', `must be 'none', 'nearest' or 'up', got ${JSON.stringify(r)}`);
  const capacity = o.capacity === undefined ? Infinity : nonNegativeInteger(o.capacity, 'options.capacity');
  return { rounding: r, capacity };
}

/** Applies rounding then the explicit capacity cap. @internal */
export function finishLevels(levels: number[], rounding: EmsrRounding, capacity: number): number[] {
  return levels.map((y) => {
    let v = y;
    if (Number.isFinite(v)) {
      if (rounding === 'up') v = Math.ceil(v - 1e-9);
      else if (rounding === 'nearest') v = Math.floor(v + 0.5);
    }
    return Math.min(v, capacity);
  });
}
