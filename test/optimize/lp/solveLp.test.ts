import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLp, solveLp, type LpModel, type LpSolverName } from '../../../src/optimize/lp/index.js';
import { YieldInputError } from '../../../src/model/index.js';
import { checkOptimality } from './lpChecker.js';

const SOLVERS: LpSolverName[] = ['highs', 'javascript-lp-solver'];

/**
 * Wyndor Glass Co.: Hillier & Lieberman, *Introduction to Operations Research* (9th ed., 2010), §3.1
 * (the model, optimum x1 = 2, x2 = 6, Z = 36) and §4.7 (shadow prices y1* = 0, y2* = 3/2, y3* = 1).
 * The book gives exact fractions; we compare to 1e-9.
 */
const wyndor = buildLp({
  sense: 'max',
  variables: [{ name: 'x1', objective: 3 }, { name: 'x2', objective: 5 }],
  constraints: [
    { name: 'plant1', terms: { x1: 1 }, upper: 4 },
    { name: 'plant2', terms: { x2: 2 }, upper: 12 },
    { name: 'plant3', terms: { x1: 3, x2: 2 }, upper: 18 },
  ],
});

/**
 * The Berlin airlift LP, as printed in the javascript-lp-solver README ("Quick Start"): the optimum
 * carries 1,080,000 cu ft with 24 British and 20 American planes. All three constraints bind at that
 * vertex (44 planes, 512 crew, $300,000), so the LP is primal degenerate: the duals are not unique and
 * we only ask that each adapter's duals certify optimality.
 */
const airlift = buildLp({
  sense: 'max',
  variables: [{ name: 'brit', objective: 20000 }, { name: 'yank', objective: 30000 }],
  constraints: [
    { name: 'plane', terms: { brit: 1, yank: 1 }, upper: 44 },
    { name: 'person', terms: { brit: 8, yank: 16 }, upper: 512 },
    { name: 'cost', terms: { brit: 5000, yank: 9000 }, upper: 300000 },
  ],
});

describe('solveLp(model) on published examples', () => {
  for (const solver of SOLVERS) {
    it(`${solver}: reproduces Wyndor Glass (Hillier & Lieberman §3.1, §4.7): Z = 36 at (2, 6), shadow prices (0, 1.5, 1)`, async () => {
      const s = await solveLp(wyndor, { solver });
      expect(s.status).toBe('optimal');
      if (s.status !== 'optimal') return;
      expect(s.objective).toBeCloseTo(36, 9);
      expect(Array.from(s.primal)).toEqual([expect.closeTo(2, 9), expect.closeTo(6, 9)]);
      expect(Array.from(s.duals)).toEqual([expect.closeTo(0, 9), expect.closeTo(1.5, 9), expect.closeTo(1, 9)]);
      expect(checkOptimality(wyndor, s)).toEqual([]);
    });
    it(`${solver}: reproduces the Berlin airlift optimum (javascript-lp-solver README): 1,080,000 with 24 and 20 planes`, async () => {
      const s = await solveLp(airlift, { solver });
      expect(s.status).toBe('optimal');
      if (s.status !== 'optimal') return;
      expect(s.objective).toBeCloseTo(1080000, 6);
      expect(s.primal[0]).toBeCloseTo(24, 9);
      expect(s.primal[1]).toBeCloseTo(20, 9);
      expect(checkOptimality(airlift, s)).toEqual([]);
    });
  }
});

describe('solveLp(model) outcomes', () => {
  const infeasible = buildLp({
    sense: 'max',
    variables: [{ objective: 1, upper: 3 }],
    constraints: [{ terms: [[0, 1]], lower: 5 }],
  });
  const unbounded = buildLp({
    sense: 'max',
    variables: [{ objective: 1 }, { objective: 1 }],
    constraints: [{ terms: [[0, 1], [1, -1]], upper: 2 }],
  });
  for (const solver of SOLVERS) {
    it(`${solver}: reports an infeasible LP as status 'infeasible' with objective −∞ (max)`, async () => {
      const s = await solveLp(infeasible, { solver });
      expect(s.status).toBe('infeasible');
      expect(s.objective).toBe(-Infinity);
      expect(s.primal).toBeNull();
    });
    it(`${solver}: reports an unbounded LP as status 'unbounded' with objective +∞ (max)`, async () => {
      const s = await solveLp(unbounded, { solver });
      expect(s.status).toBe('unbounded');
      expect(s.objective).toBe(Infinity);
    });
    it(`${solver}: solves a minimisation with a free variable, two-sided rows and bounds, duals in the objective's sense`, async () => {
      // min 2a + 3b  s.t. a + b ≥ 4, −10 ≤ a − b ≤ 2, a free, 1 ≤ b ≤ 5: optimum a = 3, b = 1, cost 9
      // (by hand: b as small as possible subject to a ≤ b + 2 and a + b ≥ 4 gives b = 1, a = 3)
      const model = buildLp({
        sense: 'min',
        variables: [{ objective: 2, lower: -Infinity }, { objective: 3, lower: 1, upper: 5 }],
        constraints: [{ terms: [[0, 1], [1, 1]], lower: 4 }, { terms: [[0, 1], [1, -1]], lower: -10, upper: 2 }],
      });
      const s = await solveLp(model, { solver });
      expect(s.status).toBe('optimal');
      if (s.status !== 'optimal') return;
      expect(s.objective).toBeCloseTo(9, 9);
      expect(checkOptimality(model, s)).toEqual([]);
    });
    it(`${solver}: a model with no variables is optimal at 0 when its rows admit 0`, async () => {
      const s = await solveLp({ sense: 'max', variables: { objective: [] }, constraints: { starts: [0, 0], indices: [], values: [], upper: [3] } }, { solver });
      expect(s.status).toBe('optimal');
      expect(s.objective).toBe(0);
    });
  }
});

describe('solveLp(model) bad input', () => {
  it('rejects a NaN objective coefficient naming the field', async () => {
    const m: LpModel = { sense: 'max', variables: { objective: [1, Number.NaN] }, constraints: { starts: [0], indices: [], values: [] } };
    await expect(solveLp(m)).rejects.toThrow(YieldInputError);
    await expect(solveLp(m)).rejects.toMatchObject({ path: 'model.variables.objective[1]' });
  });
  it('rejects a column index out of range naming the entry', async () => {
    const m: LpModel = { sense: 'max', variables: { objective: [1] }, constraints: { starts: [0, 1], indices: [3], values: [1], upper: [1] } };
    await expect(solveLp(m)).rejects.toMatchObject({ path: 'model.constraints.indices[0]', code: 'unknown-reference' });
  });
  it('rejects a variable listed twice in a row', async () => {
    const m: LpModel = { sense: 'max', variables: { objective: [1] }, constraints: { starts: [0, 2], indices: [0, 0], values: [1, 1], upper: [1] } };
    await expect(solveLp(m)).rejects.toMatchObject({ path: 'model.constraints.indices[1]' });
  });
  it('rejects lower > upper and a +Infinity lower bound', async () => {
    const m1: LpModel = { sense: 'min', variables: { objective: [1], lower: [2], upper: [1] }, constraints: { starts: [0], indices: [], values: [] } };
    await expect(solveLp(m1)).rejects.toMatchObject({ path: 'model.variables.lower[0]' });
    const m2: LpModel = { sense: 'min', variables: { objective: [1], lower: [Infinity] }, constraints: { starts: [0], indices: [], values: [] } };
    await expect(solveLp(m2)).rejects.toMatchObject({ path: 'model.variables.lower[0]' });
  });
  it('rejects an unknown solver name', async () => {
    await expect(solveLp(wyndor, { solver: 'cplex' as LpSolverName })).rejects.toMatchObject({ path: 'options.solver' });
  });
});

/** Random bounded, feasible LPs: x ∈ [0, u], rows Ax ≤ b with b ≥ 0 (so x = 0 is feasible), small integer data. */
const arbLp = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    m: fc.integer({ min: 1, max: 5 }),
    sense: fc.constantFrom<'max' | 'min'>('max', 'min'),
  })
  .chain(({ n, m, sense }) =>
    fc.record({
      sense: fc.constant(sense),
      c: fc.array(fc.integer({ min: -5, max: 9 }), { minLength: n, maxLength: n }),
      u: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }),
      a: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      b: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: m, maxLength: m }),
    }),
  )
  .map(({ sense, c, u, a, b }): LpModel =>
    buildLp({
      sense,
      variables: c.map((cj, j) => ({ objective: cj, upper: u[j]! })),
      constraints: a.map((row, i) => ({
        terms: row.flatMap((v, j) => (v === 0 ? [] : [[j, v] as [number, number]])),
        upper: b[i]!,
      })),
    }),
  );

describe('solveLp(model) properties', () => {
  it('both adapters agree on the optimum and each solution passes the independent KKT checker', async () => {
    await fc.assert(
      fc.asyncProperty(arbLp, async (model) => {
        const h = await solveLp(model, { solver: 'highs' });
        const j = await solveLp(model, { solver: 'javascript-lp-solver' });
        expect(h.status).toBe('optimal');
        expect(j.status).toBe('optimal');
        if (h.status !== 'optimal' || j.status !== 'optimal') return;
        expect(j.objective).toBeCloseTo(h.objective, 6);
        expect(checkOptimality(model, h)).toEqual([]);
        expect(checkOptimality(model, j)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
  it('never mutates the model', async () => {
    await fc.assert(
      fc.asyncProperty(arbLp, fc.constantFrom<LpSolverName>(...SOLVERS), async (model, solver) => {
        const before = structuredClone(model);
        await solveLp(model, { solver });
        expect(model).toEqual(before);
      }),
      { numRuns: 20 },
    );
  });
});
