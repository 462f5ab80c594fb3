import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  expectedArrivals,
  remainingNetwork,
  reoptimizationSchedule,
  validateBookingProcess,
  YieldInputError,
} from '../../src/model/index.js';
import { TINY } from './fixtures.js';

describe('validateBookingProcess / expectedArrivals / remainingNetwork', () => {
  it('sums the remaining expected arrivals from a period on (D_j(1) = p_{1,j} + p_{2,j}, by hand)', () => {
    expect(Array.from(expectedArrivals(TINY, 1))).toEqual([0.125, 0.6, 0.25]);
    expect(Array.from(expectedArrivals(TINY, 3))).toEqual([0, 0, 0]);
    expect(() => expectedArrivals(TINY, 4)).toThrowError(/fromPeriod/);
  });
  it('builds the network left at a period with the capacities left, without touching the input', () => {
    const before = structuredClone(TINY);
    const n = remainingNetwork(TINY, 2, [1, 0]);
    expect(n.resources.map((r) => r.capacity)).toEqual([1, 0]);
    expect(n.products.map((p) => p.demand)).toEqual([0, 0.1, 0]);
    expect(remainingNetwork(TINY, 1, undefined, 'poisson').products[1]!.demand).toEqual({ kind: 'poisson', mean: 0.6 });
    expect(TINY).toEqual(before);
  });
  it('names the offending field for bad processes', () => {
    const bad = (patch: object) => () => validateBookingProcess({ ...TINY, ...patch });
    expect(bad({ periods: 0 })).toThrowError(/process.periods/);
    expect(bad({ arrivalProbabilities: [0.5] })).toThrowError(/must hold periods × products = 3 × 3 = 9 numbers/);
    expect(bad({ arrivalProbabilities: [0.5, Number.NaN, 0, 0, 0, 0, 0, 0, 0] })).toThrowError(/process.arrivalProbabilities\[1\]/);
    expect(bad({ arrivalProbabilities: [0.5, 0.4, 0.25, 0, 0, 0, 0, 0, 0] })).toThrowError(/period 0: probabilities sum to 1.15 > 1/);
    const network = { ...TINY.network, products: [{ ...TINY.network.products[0]!, fare: Number.NaN }, ...TINY.network.products.slice(1)] };
    expect(bad({ network })).toThrowError(/products\[0\].fare/);
    expect(bad({ network })).toThrowError(expect.objectContaining({ path: 'process.network.products[0].fare' }));
    const twice = { ...TINY.network, products: [{ ...TINY.network.products[0]!, resources: ['1-0', '1-0'] }, ...TINY.network.products.slice(1)] };
    expect(bad({ network: twice })).toThrowError(/"1-0".* twice/);
    expect(bad({ network: twice })).toThrowError(expect.objectContaining({ path: 'process.network.products[0].resources[1]' }));
    expect(bad({ periods: 0 })).toThrowError(YieldInputError);
  });
});

describe('reoptimizationSchedule(periods, count)', () => {
  it('re-optimises 5 times over 200 periods at 0, 40, 80, 120, 160 (the Topaloglu 2009 convention)', () => {
    expect(reoptimizationSchedule(200, 5)).toEqual([0, 40, 80, 120, 160]);
  });
  it('rounds the equally spaced times down: ⌊k·10/3⌋ = 0, 3, 6', () => {
    expect(reoptimizationSchedule(10, 3)).toEqual([0, 3, 6]);
  });
  it('optimises once, at the start, for count = 1', () => {
    expect(reoptimizationSchedule(7, 1)).toEqual([0]);
  });
  it('returns every period once when asked for more re-optimisations than periods (3, 5) → [0, 1, 2]', () => {
    expect(reoptimizationSchedule(3, 5)).toEqual([0, 1, 2]);
    expect(reoptimizationSchedule(3, 3)).toEqual([0, 1, 2]);
    expect(reoptimizationSchedule(1, 100)).toEqual([0]);
  });
  it('rejects a count below 1, a fractional count and a bad horizon with a YieldInputError naming the field', () => {
    const field = (f: () => unknown, path: string) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(YieldInputError);
        expect((e as YieldInputError).path).toBe(path);
        return;
      }
      expect.unreachable(`no error for ${path}`);
    };
    field(() => reoptimizationSchedule(10, 0), 'count');
    field(() => reoptimizationSchedule(10, -2), 'count');
    field(() => reoptimizationSchedule(10, 2.5), 'count');
    field(() => reoptimizationSchedule(10, Number.NaN), 'count');
    field(() => reoptimizationSchedule(0, 3), 'periods');
    field(() => reoptimizationSchedule(Number.POSITIVE_INFINITY, 3), 'periods');
  });
  it('is increasing, starts at 0, stays inside the horizon and holds min(count, periods) periods, each ⌊k·T/count⌋', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 600 }), (T, count) => {
        const s = reoptimizationSchedule(T, count);
        expect(s.length).toBe(Math.min(T, count));
        expect(s[0]).toBe(0);
        for (let k = 1; k < s.length; k++) expect(s[k]!).toBeGreaterThan(s[k - 1]!);
        expect(s[s.length - 1]!).toBeLessThan(T);
        // independent check: the set of distinct ⌊k·T/count⌋ over k = 0 … count − 1
        const expected = [...new Set(Array.from({ length: count }, (_, k) => Math.floor((k * T) / count)))];
        expect(s).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
