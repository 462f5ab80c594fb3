import { fail, finite, join, nonEmptyArray, object, array } from '../internal/validate.js';
import { COMPILED, type NestedLimitControls } from './controls.js';

export interface NestedLimitControlsOptions {
  readonly classIds?: readonly string[];
}

/**
 * Compiles nested booking limits (from EMSR-a/b, the exact static DP, or set by hand) into controls for
 * `decide` on ONE resource. Validates once, copies, freezes.
 *
 * Standard nesting (Talluri & van Ryzin 2004, §2.1.2): fares high → low, class 1 (index 0) the most
 * expensive; b_j is the most that classes j, j+1, …, n may sell together, so b_1 ≥ b_2 ≥ … ≥ b_n and
 * b_1 is the total on sale (the capacity, or the overbooking authorization level as a virtual capacity:
 * build the limits with `bookingLimits(protectionLevels, authorized)`). A sale of class j counts against
 * b_j and every b_i with i < j. Fractional limits (from normal-demand protection levels) are allowed:
 * a class may sell while its count stays ≤ b, i.e. ⌊b⌋ units.
 *
 * @param bookingLimits - b_1..b_n, units; finite, ≥ 0, non-increasing (e.g. the output of `bookingLimits`)
 * @param options.classIds - ids of the n classes (unique, non-empty), so requests can name a class
 * @returns frozen, validated controls with `kind: 'nested-limits'`
 * @example
 * import { nestedLimitControls, nestedLimitState, decide } from 'yieldcraft/control';
 * const controls = nestedLimitControls([100, 70, 45, 32], { classIds: ['Y', 'B', 'M', 'Q'] });
 * const state = nestedLimitState(controls, { sold: [0, 0, 13, 32] });
 * decide({ product: 'Q' }, state, controls).reason; // => 'class-limit'
 * decide({ product: 'M', quantity: 2 }, state, controls).accept; // => false (45 − 45 = 0 left for M..Q)
 */
export function nestedLimitControls(
  bookingLimits: readonly number[],
  options: NestedLimitControlsOptions = {},
): NestedLimitControls {
  const opts = object(options, 'options');
  return compileNestedLimits(bookingLimits, opts.classIds, 'bookingLimits', 'options.classIds');
}

/** Validates and freezes nested limits, naming fields under the given paths. @internal */
export function compileNestedLimits(
  bookingLimits: unknown,
  classIdList: unknown,
  limitsPath: string,
  idsPath: string,
): NestedLimitControls {
  const list = nonEmptyArray<unknown>(bookingLimits, limitsPath);
  const limits: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = join(limitsPath, i);
    const b = finite(list[i], p);
    if (b < 0) fail(p, `must be ≥ 0, got ${b}`);
    if (i > 0 && b > limits[i - 1]!)
      fail(p, `nested limits must be non-increasing (class 1 first): ${b} follows ${limits[i - 1]}`, 'unsorted');
    limits.push(b);
  }
  const index = new Map<string, number>();
  let classIds: readonly string[] | undefined;
  if (classIdList !== undefined) {
    const ids = array<unknown>(classIdList, idsPath);
    if (ids.length !== limits.length)
      fail(idsPath, `must name all ${limits.length} classes, got ${ids.length}`, 'inconsistent');
    ids.forEach((id, i) => {
      const p = join(idsPath, i);
      if (typeof id !== 'string' || id === '') fail(p, 'must be a non-empty string', 'invalid-type');
      if (index.has(id)) fail(p, `duplicate class id ${JSON.stringify(id)}`, 'inconsistent');
      index.set(id, i);
    });
    classIds = Object.freeze(ids.slice() as string[]);
  }
  const controls = {
    kind: 'nested-limits' as const,
    limits: Object.freeze(limits),
    ...(classIds ? { classIds } : {}),
  };
  Object.defineProperty(controls, COMPILED, { value: index, enumerable: false });
  return Object.freeze(controls) as NestedLimitControls;
}
