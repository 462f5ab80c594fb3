/**
 * The javascript-lp-solver adapter of the LP port: a pure-JavaScript simplex, for small models (up to
 * about a thousand variables) and for environments without WebAssembly. An optional dependency, loaded on
 * first use (configureLpSolvers.ts); when it is not installed, a solve returns status 'solver-failed'
 * saying so.
 *
 * javascript-lp-solver reports no duals, so this adapter solves the dual LP explicitly (Bertsimas &
 * Tsitsiklis 1997, §4.2, the dual of a problem with two-sided row and column bounds). For the primal
 *
 *   max cᵀx  s.t.  L ≤ Ax ≤ U,  l ≤ x ≤ u
 *
 * the dual is
 *
 *   min Σ_i (U_i p_i − L_i q_i) + Σ_j (u_j r_j − l_j s_j)
 *   s.t. Σ_i A_ij (p_i − q_i) + r_j − s_j = c_j  for every j,   p, q, r, s ≥ 0,
 *
 * where a multiplier exists only for a finite bound (p_i for U_i < ∞, q_i for L_i > −∞, …). Row duals are
 * y = p − q and reduced costs d = r − s; a minimisation is solved as max −cᵀx and its duals negated. The
 * adapter checks strong duality (primal and dual objectives agree to 1e-7, relative) and reports
 * status 'solver-failed' if they do not, rather than return an inconsistent pair.
 * @internal use `solveLp(model, { solver: 'javascript-lp-solver' })`
 */
import type { NormalizedLp } from './normalizeLp.js';
import type { LpSolution } from './types.js';
import { emptyModel, notOptimal } from './highsAdapter.js';
import { loadJsLpSolverModule } from './configureLpSolvers.js';

type JsModel = {
  optimize: string;
  opType: 'max' | 'min';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  unrestricted?: Record<string, 1>;
};
type JsResult = { feasible: boolean; result: number; bounded?: boolean; [k: string]: unknown };
type JsSolver = { Solve(model: JsModel): JsResult };

function loadJsLpSolver(): Promise<JsSolver> {
  return loadJsLpSolverModule().then((mod) => {
    const m = mod as { default?: JsSolver & { default?: JsSolver } } & JsSolver;
    const s = m.default?.Solve ? m.default : m.default?.default ?? m;
    return s as JsSolver;
  });
}

const OBJ = '__objective';
const STRONG_DUALITY_TOLERANCE = 1e-7;

function bound(lo: number, hi: number): { min?: number; max?: number; equal?: number } {
  if (lo === hi) return { equal: lo };
  const b: { min?: number; max?: number } = {};
  if (lo > -Infinity) b.min = lo;
  if (hi < Infinity) b.max = hi;
  return b;
}

export async function solveWithJsLpSolver(lp: NormalizedLp, buildMs: number): Promise<LpSolution> {
  const tl = performance.now();
  let solver: JsSolver;
  try {
    solver = await loadJsLpSolver();
  } catch (e) {
    return notOptimal('solver-failed', lp, `could not load 'javascript-lp-solver': ${(e as Error).message}`,
      { buildMs, solveMs: 0, extractMs: 0, loadMs: performance.now() - tl }, 'javascript-lp-solver');
  }
  const loadMs = performance.now() - tl;
  const { n, m, starts, indices, values } = lp;
  const sign = lp.sense === 'max' ? 1 : -1; // solve max (sign·c)ᵀx
  if (n === 0) return emptyModel(lp, { buildMs, solveMs: 0, extractMs: 0, loadMs }, 'javascript-lp-solver');

  // ---- primal ----
  const tb = performance.now();
  const primal: JsModel = { optimize: OBJ, opType: 'max', constraints: {}, variables: {}, unrestricted: {} };
  const cols: Record<string, number>[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const col: Record<string, number> = { [OBJ]: sign * lp.cost[j]! };
    cols[j] = col;
    primal.variables[`x${j}`] = col;
    const lo = lp.lower[j]!;
    const hi = lp.upper[j]!;
    if (lo < 0) primal.unrestricted![`x${j}`] = 1;
    if (lo > 0 || (lo < 0 && lo > -Infinity) || hi < Infinity) {
      primal.constraints[`b${j}`] = bound(lo < 0 || lo > 0 ? lo : -Infinity, hi);
      col[`b${j}`] = 1;
    }
  }
  for (let i = 0; i < m; i++) {
    if (lp.rowLower[i] === -Infinity && lp.rowUpper[i] === Infinity) continue;
    primal.constraints[`r${i}`] = bound(lp.rowLower[i]!, lp.rowUpper[i]!);
    for (let k = starts[i]!; k < starts[i + 1]!; k++) cols[indices[k]!]![`r${i}`] = values[k]!;
  }
  buildMs += performance.now() - tb;

  const ts = performance.now();
  const res = solver.Solve(primal);
  let solveMs = performance.now() - ts;
  const timings = () => ({ buildMs, solveMs, extractMs: 0, loadMs });
  if (!res.feasible) return notOptimal('infeasible', lp, 'the constraints admit no solution', timings(), 'javascript-lp-solver');
  if (res.bounded === false) return notOptimal('unbounded', lp, 'the objective is unbounded', timings(), 'javascript-lp-solver');

  const te = performance.now();
  const x = new Float64Array(n);
  let objective = 0;
  for (let j = 0; j < n; j++) {
    const v = res[`x${j}`];
    x[j] = typeof v === 'number' ? v : 0;
    objective += lp.cost[j]! * x[j]!;
  }
  const activities = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let k = starts[i]!; k < starts[i + 1]!; k++) s += values[k]! * x[indices[k]!]!;
    activities[i] = s;
  }
  let extractMs = performance.now() - te;

  // ---- dual ----
  const tdb = performance.now();
  const dual: JsModel = { optimize: OBJ, opType: 'min', constraints: {}, variables: {} };
  for (let j = 0; j < n; j++) dual.constraints[`c${j}`] = { equal: sign * lp.cost[j]! };
  for (let i = 0; i < m; i++) {
    const U = lp.rowUpper[i]!;
    const L = lp.rowLower[i]!;
    if (U < Infinity) {
      const col: Record<string, number> = { [OBJ]: U };
      for (let k = starts[i]!; k < starts[i + 1]!; k++) col[`c${indices[k]}`] = values[k]!;
      dual.variables[`p${i}`] = col;
    }
    if (L > -Infinity) {
      const col: Record<string, number> = { [OBJ]: -L };
      for (let k = starts[i]!; k < starts[i + 1]!; k++) col[`c${indices[k]}`] = -values[k]!;
      dual.variables[`q${i}`] = col;
    }
  }
  for (let j = 0; j < n; j++) {
    if (lp.upper[j]! < Infinity) dual.variables[`r${j}`] = { [OBJ]: lp.upper[j]!, [`c${j}`]: 1 };
    if (lp.lower[j]! > -Infinity) dual.variables[`s${j}`] = { [OBJ]: -lp.lower[j]!, [`c${j}`]: -1 };
  }
  buildMs += performance.now() - tdb;
  const tds = performance.now();
  const dres = solver.Solve(dual);
  solveMs += performance.now() - tds;
  if (!dres.feasible || dres.bounded === false)
    return notOptimal('solver-failed', lp, 'javascript-lp-solver found the primal optimal but failed on the dual LP',
      { buildMs, solveMs, extractMs, loadMs }, 'javascript-lp-solver');
  const tde = performance.now();
  const val = (name: string): number => {
    const v = dres[name];
    return typeof v === 'number' ? v : 0;
  };
  const duals = new Float64Array(m);
  let dualObjective = 0;
  for (let i = 0; i < m; i++) {
    const p = val(`p${i}`);
    const q = val(`q${i}`);
    if (p) dualObjective += lp.rowUpper[i]! * p;
    if (q) dualObjective -= lp.rowLower[i]! * q;
    duals[i] = sign * (p - q) || 0;
  }
  const reducedCosts = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const r = val(`r${j}`);
    const s = val(`s${j}`);
    if (r) dualObjective += lp.upper[j]! * r;
    if (s) dualObjective -= lp.lower[j]! * s;
    reducedCosts[j] = sign * (r - s) || 0;
  }
  const gap = Math.abs(sign * objective - dualObjective);
  extractMs += performance.now() - tde;
  if (gap > STRONG_DUALITY_TOLERANCE * Math.max(1, Math.abs(objective)))
    return notOptimal('solver-failed', lp,
      `javascript-lp-solver's primal (${sign * objective}) and dual (${dualObjective}) objectives disagree`,
      { buildMs, solveMs, extractMs, loadMs }, 'javascript-lp-solver');
  return {
    status: 'optimal',
    solver: 'javascript-lp-solver',
    objective,
    primal: x,
    duals,
    reducedCosts,
    activities,
    timings: { buildMs, solveMs, extractMs, loadMs },
  };
}
