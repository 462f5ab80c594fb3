import { fail } from '../../internal/validate.js';
import { normalizeLp, type NormalizedLp } from './normalizeLp.js';
import { loadHighs, notOptimal, toHighsModel } from './highsAdapter.js';
import { solveLp } from './solveLp.js';
import { highsOptimal } from './highsOptimal.js';
import { SOLVE_LP_DEFAULTS, type IndexArray, type LpModel, type LpSolution, type NumberArray, type SolveLpOptions } from './types.js';

export interface LpObjective {
  readonly sense: 'max' | 'min';
  /** Variables with a non-zero coefficient. */
  readonly indices: IndexArray;
  /** Their coefficients. */
  readonly values: NumberArray;
}

function checkObjective(o: LpObjective, n: number, k: number): void {
  if (o.sense !== 'max' && o.sense !== 'min') fail(`objectives[${k}].sense`, `must be 'max' or 'min'`);
  if (o.indices.length !== o.values.length)
    fail(`objectives[${k}].values`, 'must have the same length as indices', 'inconsistent');
  for (let q = 0; q < o.indices.length; q++) {
    const j = o.indices[q]!;
    if (!Number.isInteger(j) || j < 0 || j >= n)
      fail(`objectives[${k}].indices[${q}]`, `must be a variable index in [0, ${n - 1}]`, 'unknown-reference');
    if (!Number.isFinite(o.values[q]!)) fail(`objectives[${k}].values[${q}]`, 'must be a finite number');
  }
}

/**
 * Optimises several objectives, one after another, over the same feasible region: the building block of
 * ranging questions ("how low and how high can this dual go over the optimal face?"), which need two
 * small LPs per item over one fixed polytope.
 *
 * With HiGHS the model is loaded once into a persistent solver instance and each objective is a re-solve
 * from the previous optimal basis (warm start: typically a few simplex pivots), so k objectives cost far
 * less than k cold solves. With javascript-lp-solver each objective is a separate `solveLp` call.
 *
 * The model's own objective coefficients and sense are ignored; each entry of `objectives` gives a sparse
 * objective (coefficients on the listed variables, 0 elsewhere) and a sense. Results come back in the
 * same order, each an {@link LpSolution} ('unbounded' is a legitimate answer: e.g. the largest value a
 * free dual can take).
 *
 * @param model - the feasible region (objective ignored); never modified
 * @param objectives - `{ sense, indices, values }` per objective
 * @param options.solver - 'highs' (default) or 'javascript-lp-solver'
 * @example
 * import { buildLp, solveLpSequence } from 'yieldcraft/optimize';
 * const box = buildLp({ sense: 'max', variables: [{ objective: 0, upper: 2 }, { objective: 0, upper: 3 }],
 *   constraints: [{ terms: [[0, 1], [1, 1]], upper: 4 }] });
 * const [a, b] = await solveLpSequence(box, [
 *   { sense: 'max', indices: [0], values: [1] },
 *   { sense: 'min', indices: [1], values: [1] },
 * ]);
 * [a.objective, b.objective]; // => [2, 0]
 */
export async function solveLpSequence(
  model: LpModel,
  objectives: readonly LpObjective[],
  options: SolveLpOptions = {},
): Promise<LpSolution[]> {
  const solver = options.solver ?? SOLVE_LP_DEFAULTS.solver;
  const lp = normalizeLp(model);
  objectives.forEach((o, k) => checkObjective(o, lp.n, k));
  if (solver === 'javascript-lp-solver') {
    const out: LpSolution[] = [];
    for (const o of objectives) {
      const cost = new Float64Array(lp.n);
      for (let q = 0; q < o.indices.length; q++) cost[o.indices[q]!] = o.values[q]!;
      out.push(await solveLp({ ...model, sense: o.sense, variables: { ...model.variables, objective: cost } }, { solver }));
    }
    return out;
  }
  if (solver !== 'highs') fail('options.solver', `must be 'highs' or 'javascript-lp-solver', got ${JSON.stringify(solver)}`);
  return sequenceWithHighs(lp, objectives);
}

async function sequenceWithHighs(lp: NormalizedLp, objectives: readonly LpObjective[]): Promise<LpSolution[]> {
  const h = await loadHighs();
  const base = { ...lp, cost: new Float64Array(lp.n) };
  if (lp.n === 0) {
    return objectives.map(() => solveEmpty(lp));
  }
  const model = h.createModel(toHighsModel(h, base));
  let feasible: boolean | undefined;
  const isFeasible = (): boolean => {
    const r = h.raw.lpCall(toHighsModel(h, base));
    return r.status !== -1 && r.value.modelStatus === h.constants.modelStatus.optimal;
  };
  try {
    const out: LpSolution[] = [];
    for (const o of objectives) {
      const t0 = performance.now();
      for (let q = 0; q < o.indices.length; q++) model.changeColCost(o.indices[q]!, o.values[q]!);
      model.changeObjectiveSense(o.sense === 'max' ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize);
      const t1 = performance.now();
      const status = model.run().modelStatus;
      const t2 = performance.now();
      const timings = { buildMs: t1 - t0, solveMs: t2 - t1, extractMs: 0, loadMs: 0 };
      const here: NormalizedLp = { ...lp, sense: o.sense };
      if (status === h.constants.modelStatus.optimal) {
        const s = model.getSolution();
        let objective = 0;
        for (let q = 0; q < o.indices.length; q++) objective += o.values[q]! * s.colValue[o.indices[q]!]!;
        out.push(highsOptimal(s, objective, { ...timings, extractMs: performance.now() - t2 }));
      } else if (status === h.constants.modelStatus.infeasible) {
        out.push(notOptimal('infeasible', here, 'the constraints admit no solution', timings));
      } else if (status === h.constants.modelStatus.unbounded) {
        out.push(notOptimal('unbounded', here, 'the objective is unbounded', timings));
      } else if (status === h.constants.modelStatus.unboundedOrInfeasible) {
        // HiGHS's presolve may not tell the two apart: decide once by a feasibility solve (objective 0)
        feasible ??= isFeasible();
        out.push(feasible
          ? notOptimal('unbounded', here, 'the objective is unbounded', timings)
          : notOptimal('infeasible', here, 'the constraints admit no solution', timings));
      } else {
        out.push(notOptimal('solver-failed', here, `HiGHS stopped with model status ${status}`, timings));
      }
      for (let q = 0; q < o.indices.length; q++) model.changeColCost(o.indices[q]!, 0);
    }
    return out;
  } finally {
    model.dispose();
  }
}

function solveEmpty(lp: NormalizedLp): LpSolution {
  for (let i = 0; i < lp.m; i++)
    if (lp.rowLower[i]! > 0 || lp.rowUpper[i]! < 0)
      return notOptimal('infeasible', lp, `row ${i} cannot hold with no variables`, { buildMs: 0, solveMs: 0, extractMs: 0, loadMs: 0 });
  return {
    status: 'optimal',
    solver: 'highs',
    objective: 0,
    primal: new Float64Array(0),
    duals: new Float64Array(lp.m),
    reducedCosts: new Float64Array(0),
    activities: new Float64Array(lp.m),
    timings: { buildMs: 0, solveMs: 0, extractMs: 0, loadMs: 0 },
  };
}
