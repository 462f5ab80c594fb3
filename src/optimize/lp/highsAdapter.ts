/**
 * The HiGHS adapter of the LP port: HiGHS (Huangfu & Hall 2018, the dual revised simplex of "Parallelizing
 * the dual revised simplex method", Math. Prog. Comp. 10:119–142) compiled to WebAssembly by the `highs`
 * npm package.
 *
 * The WebAssembly module is loaded once, lazily, on the first solve (configureLpSolvers.ts: where it comes
 * from), and the instance is reused by every later solve in the process: importing yieldcraft never loads it. The
 * model goes in as sparse arrays (no LP text to write and parse), through HiGHS's stateless `lpCall`.
 * HiGHS reports row duals as ∂objective/∂(row bound) in the objective's own sense, which is the port's
 * convention, so they pass through unchanged.
 * @internal use `solveLp(model, { solver: 'highs' })`
 */
import type { Highs, ModelData } from 'highs';
import type { NormalizedLp } from './normalizeLp.js';
import type { LpSolution, LpTimings } from './types.js';
import { loadHighs, loadedHighs } from './configureLpSolvers.js';

export { loadHighs, isHighsLoaded } from './configureLpSolvers.js';

const MODEL_STATUS_OPTIMAL = 7;
const MODEL_STATUS_INFEASIBLE = 8;
const MODEL_STATUS_UNBOUNDED_OR_INFEASIBLE = 9;
const MODEL_STATUS_UNBOUNDED = 10;
const MODEL_STATUS_EMPTY = 6;

/** Turns a normalised model into HiGHS's structured input (the arrays are handed over, not copied). */
export function toHighsModel(h: Highs, lp: NormalizedLp): ModelData {
  return {
    numCols: lp.n,
    numRows: lp.m,
    sense: lp.sense === 'max' ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize,
    colCost: lp.cost,
    colLower: lp.lower,
    colUpper: lp.upper,
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    matrix: { format: 'csr', numRows: lp.m, numCols: lp.n, starts: lp.starts, indices: lp.indices, values: lp.values },
  };
}

export async function solveWithHighs(lp: NormalizedLp, buildMs: number): Promise<LpSolution> {
  const tl = performance.now();
  let h: Highs;
  try {
    h = loadedHighs() ?? (await loadHighs());
  } catch (e) {
    return notOptimal('solver-failed', lp, `could not load the 'highs' WebAssembly solver: ${(e as Error).message}`, {
      buildMs,
      solveMs: 0,
      extractMs: 0,
      loadMs: performance.now() - tl,
    });
  }
  const loadMs = performance.now() - tl;
  return solveLoaded(h, lp, buildMs, loadMs);
}

/** Solves with an already-loaded HiGHS (synchronous). */
export function solveLoaded(h: Highs, lp: NormalizedLp, buildMs: number, loadMs: number): LpSolution {
  const tb = performance.now();
  const data = toHighsModel(h, lp);
  buildMs += performance.now() - tb;
  if (lp.n === 0) return emptyModel(lp, { buildMs, solveMs: 0, extractMs: 0, loadMs });
  const ts = performance.now();
  let result: ReturnType<Highs['raw']['lpCall']>;
  try {
    result = h.raw.lpCall(data);
  } catch (e) {
    return notOptimal('solver-failed', lp, `HiGHS rejected the model: ${(e as Error).message}`, {
      buildMs,
      solveMs: performance.now() - ts,
      extractMs: 0,
      loadMs,
    });
  }
  const solveMs = performance.now() - ts;
  const te = performance.now();
  if (result.status === -1) {
    return notOptimal('solver-failed', lp, 'HiGHS returned an error status', { buildMs, solveMs, extractMs: 0, loadMs });
  }
  const out = result.value;
  const st = out.modelStatus;
  if (st === MODEL_STATUS_OPTIMAL || st === MODEL_STATUS_EMPTY) {
    const { colValue, rowValue, colDual, rowDual } = out.solution;
    let objective = 0;
    for (let j = 0; j < lp.n; j++) objective += lp.cost[j]! * colValue[j]!;
    return {
      status: 'optimal',
      solver: 'highs',
      objective,
      primal: colValue,
      duals: normaliseZeros(rowDual),
      reducedCosts: normaliseZeros(colDual),
      activities: rowValue,
      timings: { buildMs, solveMs, extractMs: performance.now() - te, loadMs },
    };
  }
  const timings = (): LpTimings => ({ buildMs, solveMs, extractMs: performance.now() - te, loadMs });
  if (st === MODEL_STATUS_INFEASIBLE) return notOptimal('infeasible', lp, 'the constraints admit no solution', timings());
  if (st === MODEL_STATUS_UNBOUNDED) return notOptimal('unbounded', lp, 'the objective is unbounded', timings());
  if (st === MODEL_STATUS_UNBOUNDED_OR_INFEASIBLE) return resolveAmbiguous(h, lp, buildMs, solveMs, loadMs);
  return notOptimal('solver-failed', lp, `HiGHS stopped with model status ${st}`, timings());
}

/**
 * HiGHS may say "unbounded or infeasible" (presolve cannot tell). Decide by solving the feasibility
 * problem (objective 0): infeasible stays infeasible; feasible means the original is unbounded.
 */
function resolveAmbiguous(h: Highs, lp: NormalizedLp, buildMs: number, solveMs: number, loadMs: number): LpSolution {
  const ts = performance.now();
  const feas = h.raw.lpCall({ ...toHighsModel(h, lp), colCost: new Float64Array(lp.n) });
  const t: LpTimings = { buildMs, solveMs: solveMs + performance.now() - ts, extractMs: 0, loadMs };
  if (feas.status !== -1 && feas.value.modelStatus === MODEL_STATUS_OPTIMAL)
    return notOptimal('unbounded', lp, 'the objective is unbounded', t);
  if (feas.status !== -1 && feas.value.modelStatus === MODEL_STATUS_INFEASIBLE)
    return notOptimal('infeasible', lp, 'the constraints admit no solution', t);
  return notOptimal('solver-failed', lp, 'HiGHS could not tell infeasible from unbounded', t);
}

/** A model with no variables: feasible iff every row admits activity 0. */
export function emptyModel(lp: NormalizedLp, timings: LpTimings, solver: 'highs' | 'javascript-lp-solver' = 'highs'): LpSolution {
  for (let i = 0; i < lp.m; i++)
    if (lp.rowLower[i]! > 0 || lp.rowUpper[i]! < 0)
      return notOptimal('infeasible', lp, `row ${i} cannot hold with no variables`, timings, solver);
  return {
    status: 'optimal',
    solver,
    objective: 0,
    primal: new Float64Array(0),
    duals: new Float64Array(lp.m),
    reducedCosts: new Float64Array(0),
    activities: new Float64Array(lp.m),
    timings,
  };
}

export function notOptimal(
  status: 'infeasible' | 'unbounded' | 'solver-failed',
  lp: NormalizedLp,
  message: string,
  timings: LpTimings,
  solver: 'highs' | 'javascript-lp-solver' = 'highs',
): LpSolution {
  const max = lp.sense === 'max';
  const objective = status === 'solver-failed' ? null : status === 'infeasible' ? (max ? -Infinity : Infinity) : max ? Infinity : -Infinity;
  return { status, solver, objective, primal: null, duals: null, reducedCosts: null, activities: null, message, timings };
}

/** −0 → 0, so that duals print and compare as users expect. */
function normaliseZeros(a: Float64Array): Float64Array {
  for (let k = 0; k < a.length; k++) if (a[k] === 0) a[k] = 0;
  return a;
}
