import type { LpOptimal, LpTimings } from './types.js';

/** The parts of a HiGHS solution an optimal `LpSolution` is read from. */
export interface HighsSolutionArrays {
  readonly colValue: Float64Array;
  readonly rowValue: Float64Array;
  readonly colDual: Float64Array;
  readonly rowDual: Float64Array;
}

/**
 * An optimal `LpSolution` from a HiGHS model's solution (one-shot, session and sequence solves alike):
 * the arrays are taken over as they are, except that −0 duals and reduced costs become +0 (HiGHS
 * reports −0 for some non-binding rows; tests and callers compare with `Object.is` / `toEqual`).
 * `objective` is Σ c_j x_j at the solution, computed by the caller for its own cost vector.
 * @internal
 */
export function highsOptimal(s: HighsSolutionArrays, objective: number, timings: LpTimings): LpOptimal {
  return {
    status: 'optimal',
    solver: 'highs',
    objective,
    primal: s.colValue,
    duals: positiveZeros(s.rowDual),
    reducedCosts: positiveZeros(s.colDual),
    activities: s.rowValue,
    timings,
  };
}

function positiveZeros(a: Float64Array): Float64Array {
  for (let k = 0; k < a.length; k++) if (a[k] === 0) a[k] = 0;
  return a;
}
