import { normalizeLp } from './normalizeLp.js';
import { solveWithHighs } from './highsAdapter.js';
import { solveWithJsLpSolver } from './jsLpSolverAdapter.js';
import { fail } from '../../internal/validate.js';
import type { NormalizedLp } from './normalizeLp.js';
import { SOLVE_LP_DEFAULTS, type LpModel, type LpSolution, type LpSolverName, type SolveLpOptions } from './types.js';

/**
 * Solves a linear program with the chosen solver behind one typed port.
 *
 * The model is checked and brought to typed arrays once (`normalizeLp`), then handed to the adapter:
 * HiGHS (default; WebAssembly, loaded once on first use and reused) or javascript-lp-solver (pure JS, for
 * small models; its duals come from solving the dual LP explicitly). Both return the same
 * {@link LpSolution}: status, objective, primal values, row duals and reduced costs in the sensitivity
 * convention (∂objective/∂bound, so a binding capacity row of a maximisation has a dual ≥ 0), row
 * activities, and where the time went (`timings`: build, solver, extraction, one-time load).
 *
 * Duals are not unique when the LP is degenerate: each solver returns the dual vertex its simplex ends
 * at. Where the choice matters, see `bidPriceRange` (optimize/network) for the whole interval.
 *
 * Reference: Dantzig (1963), *Linear Programming and Extensions*; Chvátal (1983), *Linear Programming*,
 * ch. 5 (duality) and ch. 10 (sensitivity: duals as shadow prices).
 *
 * @param model - the LP (see {@link LpModel}); never modified
 * @param options.solver - 'highs' (default) or 'javascript-lp-solver'
 * @returns a Promise of the {@link LpSolution}; bad input throws YieldInputError instead
 * @example
 * import { solveLp, buildLp } from 'yieldcraft/optimize';
 * // max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 6,  0 ≤ x ≤ 3
 * const model = buildLp({
 *   sense: 'max',
 *   variables: [{ name: 'x', objective: 3, upper: 3 }, { name: 'y', objective: 2 }],
 *   constraints: [
 *     { terms: { x: 1, y: 1 }, upper: 4 },
 *     { terms: { x: 1, y: 3 }, upper: 6 },
 *   ],
 * });
 * const s = await solveLp(model);
 * s.status; // => 'optimal'
 * s.objective; // => 11
 * Array.from(s.primal!); // => [3, 1]
 */
export async function solveLp(model: LpModel, options: SolveLpOptions = {}): Promise<LpSolution> {
  const solver = options.solver ?? SOLVE_LP_DEFAULTS.solver;
  if (solver !== 'highs' && solver !== 'javascript-lp-solver')
    fail('options.solver', `must be 'highs' or 'javascript-lp-solver', got ${JSON.stringify(solver)}`);
  const t0 = performance.now();
  const lp = normalizeLp(model);
  const buildMs = performance.now() - t0;
  return solver === 'highs' ? solveWithHighs(lp, buildMs) : solveWithJsLpSolver(lp, buildMs);
}

/**
 * Solves a model already in normalised form (typed arrays, defaults filled, known valid): for builders
 * inside yieldcraft (the DLP) whose input was validated upstream. @internal
 */
export function solveNormalizedLp(lp: NormalizedLp, solver: LpSolverName, buildMs = 0): Promise<LpSolution> {
  return solver === 'highs' ? solveWithHighs(lp, buildMs) : solveWithJsLpSolver(lp, buildMs);
}
