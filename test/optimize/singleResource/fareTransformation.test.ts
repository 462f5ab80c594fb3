import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fareTransformation,
  emsrBWithFareTransformation,
  emsrB,
  bookingLimits,
} from '../../../src/optimize/singleResource/index.js';
import { YieldInputError, type FareClass } from '../../../src/model/index.js';
import {
  FIIG_2010,
  FIIG_ADJUSTED_FARES,
  FIIG_CAPACITY,
  FIIG_EMSRB_MR_LIMITS,
  deepFreeze,
} from './fixtures.js';

const means = FIIG_2010.map((c) => ({ fare: c.fare, demand: (c.demand as { mean: number }).mean }));

describe('fareTransformation(classes)', () => {
  it('reproduces Fiig et al. (2010) Table 1: adjusted fares 1200, 427.5, 231.1, 28.1; classes 5–6 inefficient', () => {
    const r = fareTransformation(means);
    expect(r.efficient).toEqual([true, true, true, true, false, false]);
    // Table 1 prints the adjusted fares to one decimal (rounded).
    FIIG_ADJUSTED_FARES.forEach((p, j) => expect(Math.round(r.adjustedFares[j]! * 10) / 10).toBeCloseTo(p, 9));
    expect(r.adjustedFares.slice(4)).toEqual([0, 0]);
    // Q and TR of the fully undifferentiated structure: Q_j = d_1 + … + d_j, TR_j = p_j·Q_j.
    expect(r.quantity[3]).toBeCloseTo(76.8, 9);
    expect(r.revenue[3]).toBeCloseTo(46080, 6);
    // The marginal revenue by hand from the table's Q and TR: (42100 − 37440) / (42.1 − 31.2).
    expect(r.adjustedFares[1]).toBeCloseTo((42100 - 37440) / (42.1 - 31.2), 9);
  });

  it('marks classes without demand inefficient and skips them (class 1 is always efficient)', () => {
    // Demands 0, 15, 0, 30, 2, 60 on the same fares: Q = 0, 15, 15, 45, 47, 107.
    const r = fareTransformation([1200, 1000, 800, 600, 400, 200].map((fare, j) => ({ fare, demand: [0, 15, 0, 30, 2, 60][j]! })));
    expect(r.efficient).toEqual([true, true, false, true, false, false]);
    expect(r.adjustedFares[0]).toBe(1200);
    expect(r.adjustedFares[1]).toBeCloseTo(1000, 9);
    expect(r.adjustedFares[3]).toBeCloseTo((600 * 45 - 1000 * 15) / 30, 9);
  });

  it('drops a class lying below the frontier (not concave) and recomputes the next marginal revenue', () => {
    // Fares 100, 75, 75 with 10 each: Q = 10, 20, 30; TR = 1000, 1500, 2250 → slopes 50 then 75, so
    // class 2 lies below the chord from class 1 to class 3.
    const r = fareTransformation([
      { fare: 100, demand: 10 },
      { fare: 75, demand: 10 },
      { fare: 75, demand: 10 },
    ]);
    expect(r.efficient).toEqual([true, false, true]);
    expect(r.adjustedFares[2]).toBeCloseTo((2250 - 1000) / 20, 9);
  });

  it('gives decreasing adjusted fares on the efficient classes, never above the fare (a concave frontier)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ fare: fc.integer({ min: 1, max: 2000 }), demand: fc.double({ min: 0, max: 50, noNaN: true }) }), {
          minLength: 1,
          maxLength: 10,
        }),
        (cs) => {
          cs.sort((a, b) => b.fare - a.fare);
          const r = fareTransformation(cs);
          let prev = Infinity;
          r.adjustedFares.forEach((p, j) => {
            if (!r.efficient[j]) return;
            expect(p).toBeLessThanOrEqual(cs[j]!.fare * (1 + 1e-12));
            expect(p).toBeLessThanOrEqual(prev * (1 + 1e-12));
            expect(p).toBeGreaterThan(0);
            prev = p;
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not mutate its input', () => {
    const cs = deepFreeze(structuredClone(means));
    fareTransformation(cs);
    expect(cs).toEqual(means);
  });

  it('rejects bad input naming the field', () => {
    const cases: [unknown, string][] = [
      [[], 'classes'],
      [[{ fare: 100, demand: -1 }], 'classes[0].demand'],
      [[{ fare: 100, demand: Number.NaN }], 'classes[0].demand'],
      [[{ fare: 100, demand: 1 }, { fare: 200, demand: 1 }], 'classes[1].fare'],
      [[{ fare: 100, demand: { kind: 'normal', mean: 1, sd: -1 } }], 'classes[0].demand.sd'],
    ];
    for (const [cs, path] of cases) {
      let err: unknown;
      try {
        fareTransformation(cs as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(YieldInputError);
      expect((err as YieldInputError).path).toBe(path);
    }
  });
});

describe('emsrBWithFareTransformation(classes, opts)', () => {
  it('reproduces Fiig et al. (2010) Table 2 EMSRb-MR booking limits 100, 65, 48, 16 (classes 5–6 closed)', () => {
    const r = emsrBWithFareTransformation(FIIG_2010, { rounding: 'nearest' });
    expect(r.efficientClasses).toEqual([0, 1, 2, 3]);
    expect(bookingLimits(r.protectionLevels, FIIG_CAPACITY)).toEqual([...FIIG_EMSRB_MR_LIMITS]);
  });

  it('protects more than plain EMSR-b on the same buy-down example (the point of the transformation)', () => {
    const mr = emsrBWithFareTransformation(FIIG_2010).protectionLevels;
    const plain = emsrB(FIIG_2010).protectionLevels;
    mr.forEach((y, k) => expect(y).toBeGreaterThan(plain[k]!));
  });

  it('pools the demand of an inefficient class into the next efficient class', () => {
    const cs: FareClass[] = [
      { fare: 1200, demand: { kind: 'poisson', mean: 0 } },
      { fare: 1000, demand: { kind: 'poisson', mean: 15 } },
      { fare: 800, demand: { kind: 'poisson', mean: 0 } },
      { fare: 600, demand: { kind: 'poisson', mean: 30 } },
    ];
    const r = emsrBWithFareTransformation(cs);
    expect(r.efficientClasses).toEqual([0, 1, 3]);
    expect(r.protectionLevels).toHaveLength(2);
    expect(r.protectionLevels[0]).toBe(0);
  });

  it('does not mutate its input', () => {
    const cs = deepFreeze(structuredClone(FIIG_2010) as FareClass[]);
    emsrBWithFareTransformation(cs, { capacity: 100 });
    expect(cs).toEqual(FIIG_2010);
  });
});
