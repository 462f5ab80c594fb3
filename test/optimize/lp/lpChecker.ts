/**
 * An independent optimality checker for LP solutions, written from the KKT conditions (Bertsimas &
 * Tsitsiklis 1997, Thm 4.5 and §4.3) and sharing no code with the adapters: given the model and a
 * claimed optimal (x, y, d) it checks
 *  1. primal feasibility: lower ≤ x ≤ upper and rowLower ≤ Ax ≤ rowUpper;
 *  2. stationarity: c = Aᵀy + d;
 *  3. dual sign feasibility + complementary slackness, in max form (s = +1 for max, −1 for min):
 *     s·y_i > 0 only where row i sits at its upper bound, s·y_i < 0 only at its lower bound (same for d_j
 *     and the variable bounds);
 *  4. strong duality: cᵀx equals the dual objective Σ y_i·(active row bound) + Σ d_j·(active var bound).
 * Returns the list of violations (empty = certified optimal).
 */
import type { LpModel } from '../../../src/optimize/lp/index.js';

export interface Claimed {
  readonly objective: number;
  readonly primal: ArrayLike<number>;
  readonly duals: ArrayLike<number>;
  readonly reducedCosts: ArrayLike<number>;
}

export function checkOptimality(model: LpModel, sol: Claimed, tol = 1e-6): string[] {
  const bad: string[] = [];
  const c = model.variables.objective;
  const n = c.length;
  const lo = (j: number) => model.variables.lower?.[j] ?? 0;
  const up = (j: number) => model.variables.upper?.[j] ?? Infinity;
  const { starts, indices, values } = model.constraints;
  const m = starts.length - 1;
  const rlo = (i: number) => model.constraints.lower?.[i] ?? -Infinity;
  const rup = (i: number) => model.constraints.upper?.[i] ?? Infinity;
  const s = model.sense === 'max' ? 1 : -1;
  const scale = Math.max(1, ...Array.from(c, Math.abs));
  const near = (a: number, b: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
  // 1. primal feasibility
  const x = sol.primal;
  for (let j = 0; j < n; j++) {
    if (x[j]! < lo(j) - tol || x[j]! > up(j) + tol) bad.push(`x[${j}] = ${x[j]} outside [${lo(j)}, ${up(j)}]`);
  }
  const act = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++) {
    for (let k = starts[i]!; k < starts[i + 1]!; k++) act[i]! += values[k]! * x[indices[k]!]!;
    if (act[i]! < rlo(i) - tol * Math.max(1, Math.abs(rlo(i))) || act[i]! > rup(i) + tol * Math.max(1, Math.abs(rup(i))))
      bad.push(`row ${i}: activity ${act[i]} outside [${rlo(i)}, ${rup(i)}]`);
  }
  // 2. stationarity c = Aᵀy + d
  const aty = new Array<number>(n).fill(0);
  for (let i = 0; i < m; i++)
    for (let k = starts[i]!; k < starts[i + 1]!; k++) aty[indices[k]!]! += values[k]! * sol.duals[i]!;
  for (let j = 0; j < n; j++) {
    const r = c[j]! - aty[j]! - sol.reducedCosts[j]!;
    if (Math.abs(r) > tol * scale) bad.push(`stationarity fails for variable ${j}: c − Aᵀy − d = ${r}`);
  }
  // 3. signs and complementary slackness; 4. dual objective
  let dualObj = 0;
  for (let i = 0; i < m; i++) {
    const y = s * sol.duals[i]!;
    if (y > tol * scale) {
      if (!(rup(i) < Infinity) || !near(act[i]!, rup(i))) bad.push(`row ${i}: dual ${sol.duals[i]} but not at its upper bound`);
      dualObj += y * rup(i);
    } else if (y < -tol * scale) {
      if (!(rlo(i) > -Infinity) || !near(act[i]!, rlo(i))) bad.push(`row ${i}: dual ${sol.duals[i]} but not at its lower bound`);
      dualObj += y * rlo(i);
    }
  }
  for (let j = 0; j < n; j++) {
    const d = s * sol.reducedCosts[j]!;
    if (d > tol * scale) {
      if (!(up(j) < Infinity) || !near(x[j]!, up(j))) bad.push(`variable ${j}: reduced cost ${sol.reducedCosts[j]} but not at its upper bound`);
      dualObj += d * up(j);
    } else if (d < -tol * scale) {
      if (!(lo(j) > -Infinity) || !near(x[j]!, lo(j))) bad.push(`variable ${j}: reduced cost ${sol.reducedCosts[j]} but not at its lower bound`);
      dualObj += d * lo(j);
    }
  }
  let primalObj = 0;
  for (let j = 0; j < n; j++) primalObj += c[j]! * x[j]!;
  if (!near(primalObj, sol.objective)) bad.push(`reported objective ${sol.objective} ≠ cᵀx = ${primalObj}`);
  if (!near(s * primalObj, dualObj)) bad.push(`duality gap: primal ${s * primalObj} vs dual ${dualObj}`);
  return bad;
}
