import type { Highs } from 'highs';
import { YieldInputError } from '../../model/errors.js';
import { fail } from '../../internal/validate.js';
import { normalizeLp, type NormalizedLp } from './normalizeLp.js';
import { loadHighs, notOptimal, solveLoaded, toHighsModel } from './highsAdapter.js';
import { solveWithJsLpSolver } from './jsLpSolverAdapter.js';
import { highsOptimal } from './highsOptimal.js';
import { SOLVE_LP_DEFAULTS, type LpModel, type LpSolution, type LpSolverName, type NumberArray, type SolveLpOptions } from './types.js';

export interface LpSession {
  readonly solver: LpSolverName;
  readonly numVariables: number;
  readonly numConstraints: number;
  /** Replaces the variables' bounds (whole arrays, length n; `undefined` keeps that side). */
  setVariableBounds(lower: NumberArray | undefined, upper: NumberArray | undefined): void;
  /** Replaces the constraints' bounds (whole arrays, length m; `undefined` keeps that side). */
  setConstraintBounds(lower: NumberArray | undefined, upper: NumberArray | undefined): void;
  /** Replaces the objective (length n) and optionally the sense. */
  setObjective(objective: NumberArray, sense?: 'max' | 'min'): void;
  /** Solves the current model. */
  solve(): Promise<LpSolution>;
  /** Releases the solver's memory; the session cannot be used afterwards. */
  close(): void;
}

function copyChecked(
  src: NumberArray,
  dst: Float64Array,
  path: string,
  allow: 'finite' | 'lower' | 'upper',
): void {
  if (src.length !== dst.length) fail(path, `must have length ${dst.length}, got ${src.length}`, 'inconsistent');
  for (let k = 0; k < dst.length; k++) {
    const v = src[k]!;
    if (typeof v !== 'number' || Number.isNaN(v)) fail(`${path}[${k}]`, `must be a number, got ${String(v)}`);
    if (v === Infinity && allow !== 'upper') fail(`${path}[${k}]`, 'must not be +Infinity');
    if (v === -Infinity && allow !== 'lower') fail(`${path}[${k}]`, 'must not be −Infinity');
    dst[k] = v;
  }
}

function checkOrder(lo: Float64Array, hi: Float64Array, path: string): void {
  for (let k = 0; k < lo.length; k++) if (lo[k]! > hi[k]!) fail(`${path}[${k}]`, `lower bound ${lo[k]} exceeds upper bound ${hi[k]}`, 'inconsistent');
}

/**
 * An LP session: one model kept loaded in the solver and re-solved after changes to its bounds or
 * objective. This is what re-optimisation loops need (RLP's hundreds of sampled DLPs, a simulation
 * re-solving the DLP with the capacity left): with HiGHS each re-solve starts from the previous optimal
 * basis (a warm start, typically a handful of dual simplex pivots) instead of from scratch, and the model
 * is not copied into WebAssembly again. With javascript-lp-solver each `solve` is a fresh solve.
 *
 * A session owns solver memory: call `close()` when done (HiGHS models are not garbage collected).
 * Changes are checked like `solveLp` input (lengths, NaN, lower ≤ upper) and throw YieldInputError.
 *
 * @example
 * import { buildLp, openLpSession } from 'yieldcraft/optimize';
 * const s = await openLpSession(buildLp({ sense: 'max', variables: [{ objective: 1, upper: 5 }],
 *   constraints: [{ terms: [[0, 1]], upper: 3 }] }));
 * (await s.solve()).objective; // => 3
 * s.setConstraintBounds(undefined, [10]);
 * (await s.solve()).objective; // => 5
 * s.close();
 */
export async function openLpSession(model: LpModel, options: SolveLpOptions = {}): Promise<LpSession> {
  const solver = options.solver ?? SOLVE_LP_DEFAULTS.solver;
  if (solver !== 'highs' && solver !== 'javascript-lp-solver')
    fail('options.solver', `must be 'highs' or 'javascript-lp-solver', got ${JSON.stringify(solver)}`);
  const base = normalizeLp(model);
  // our own mutable copy (normalizeLp already copied into typed arrays)
  const lp = { ...base } as { -readonly [K in keyof NormalizedLp]: NormalizedLp[K] };
  let closed = false;
  const live = () => {
    if (closed) throw new YieldInputError('inconsistent', 'session', 'this LP session is closed (call close() only when done; open a new session to solve again)');
  };
  let h: Highs | undefined;
  let hm: ReturnType<Highs['createModel']> | undefined;
  if (solver === 'highs') {
    h = await loadHighs();
    if (lp.n > 0) {
      hm = h.createModel(toHighsModel(h, lp));
      // re-solves start from the previous basis; presolve would discard it and costs more than it saves
      hm.options.set({ presolve: 'off' });
    }
  }
  return {
    solver,
    numVariables: lp.n,
    numConstraints: lp.m,
    setVariableBounds(lower, upper) {
      live();
      if (lower !== undefined) copyChecked(lower, lp.lower, 'lower', 'lower');
      if (upper !== undefined) copyChecked(upper, lp.upper, 'upper', 'upper');
      checkOrder(lp.lower, lp.upper, 'lower');
      if (hm && lp.n > 0) hm.changeColsBounds({ kind: 'range', from: 0, to: lp.n - 1 }, lp.lower, lp.upper);
    },
    setConstraintBounds(lower, upper) {
      live();
      if (lower !== undefined) copyChecked(lower, lp.rowLower, 'lower', 'lower');
      if (upper !== undefined) copyChecked(upper, lp.rowUpper, 'upper', 'upper');
      checkOrder(lp.rowLower, lp.rowUpper, 'lower');
      if (hm && lp.m > 0) hm.changeRowsBounds({ kind: 'range', from: 0, to: lp.m - 1 }, lp.rowLower, lp.rowUpper);
    },
    setObjective(objective, sense) {
      live();
      copyChecked(objective, lp.cost, 'objective', 'finite');
      if (sense !== undefined) {
        if (sense !== 'max' && sense !== 'min') fail('sense', `must be 'max' or 'min'`);
        lp.sense = sense;
      }
      if (hm && h && lp.n > 0) {
        hm.changeColsCost({ kind: 'range', from: 0, to: lp.n - 1 }, lp.cost);
        hm.changeObjectiveSense(lp.sense === 'max' ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize);
      }
    },
    async solve() {
      live();
      if (solver === 'javascript-lp-solver') return solveWithJsLpSolver(lp, 0);
      if (!hm) return solveLoaded(h!, lp, 0, 0); // no variables
      const t0 = performance.now();
      const status = hm.run().modelStatus;
      const solveMs = performance.now() - t0;
      const t1 = performance.now();
      if (status === h!.constants.modelStatus.optimal) {
        const s = hm.getSolution();
        let objective = 0;
        for (let j = 0; j < lp.n; j++) objective += lp.cost[j]! * s.colValue[j]!;
        return highsOptimal(s, objective, { buildMs: 0, solveMs, extractMs: performance.now() - t1, loadMs: 0 });
      }
      // anything else: let the one-shot path classify it (it separates infeasible from unbounded)
      const r = solveLoaded(h!, lp, 0, 0);
      return r.status === 'optimal'
        ? r
        : notOptimal(r.status, lp, r.message, { ...r.timings, solveMs: r.timings.solveMs + solveMs });
    },
    close() {
      if (closed) return;
      closed = true;
      hm?.dispose();
    },
  };
}
