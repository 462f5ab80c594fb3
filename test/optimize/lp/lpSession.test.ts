import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLp, openLpSession, solveLp, type LpSolverName } from '../../../src/optimize/lp/index.js';
import { checkOptimality } from './lpChecker.js';

const SOLVERS: LpSolverName[] = ['highs', 'javascript-lp-solver'];

describe('openLpSession(model)', () => {
  for (const solver of SOLVERS) {
    it(`${solver}: re-solves after bound changes exactly as a fresh solveLp of the changed model would`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ u: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }), b: fc.integer({ min: 0, max: 15 }) }), { minLength: 1, maxLength: 4 }),
          async (steps) => {
            const spec = (u: number[], b: number) =>
              buildLp({
                sense: 'max',
                variables: [{ objective: 5, upper: u[0]! }, { objective: 3, upper: u[1]! }, { objective: 4, upper: u[2]! }],
                constraints: [{ terms: [[0, 1], [1, 1]], upper: b }, { terms: [[1, 1], [2, 2]], upper: 12 }],
              });
            const s = await openLpSession(spec([1, 1, 1], 1), { solver });
            try {
              for (const { u, b } of steps) {
                s.setVariableBounds(undefined, u);
                s.setConstraintBounds(undefined, [b, 12]);
                const warm = await s.solve();
                const cold = await solveLp(spec(u, b), { solver });
                expect(warm.status).toBe('optimal');
                if (warm.status !== 'optimal' || cold.status !== 'optimal') return;
                expect(warm.objective).toBeCloseTo(cold.objective, 9);
                expect(checkOptimality(spec(u, b), warm)).toEqual([]);
              }
            } finally {
              s.close();
            }
          },
        ),
        { numRuns: 15 },
      );
    });
    it(`${solver}: reports infeasibility after a change that empties the region, then recovers`, async () => {
      const s = await openLpSession(buildLp({ sense: 'min', variables: [{ objective: 1 }], constraints: [{ terms: [[0, 1]], lower: 2, upper: 5 }] }), { solver });
      expect((await s.solve()).objective).toBeCloseTo(2, 9);
      s.setVariableBounds(undefined, [1]);
      expect((await s.solve()).status).toBe('infeasible');
      s.setVariableBounds(undefined, [Infinity]);
      expect((await s.solve()).objective).toBeCloseTo(2, 9);
      s.close();
      await expect(s.solve()).rejects.toThrow(/closed/);
      await expect(s.solve()).rejects.toMatchObject({ name: 'YieldInputError', path: 'session' });
    });
  }
  it('rejects bounds of the wrong length or crossing', async () => {
    const s = await openLpSession(buildLp({ sense: 'max', variables: [{ objective: 1, upper: 3 }], constraints: [] }));
    expect(() => s.setVariableBounds(undefined, [1, 2])).toThrow(/length 1/);
    expect(() => s.setVariableBounds([5], undefined)).toThrow(/exceeds/);
    s.close();
  });
});
