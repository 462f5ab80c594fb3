import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bookingLimits, partitionedAllocations, emsrB } from '../../../src/optimize/singleResource/index.js';
import { YieldInputError } from '../../../src/model/index.js';
import { FIIG_2010, FIIG_CAPACITY, FIIG_EMSRB_LIMITS, deepFreeze } from './fixtures.js';

const levels = fc
  .array(fc.double({ min: 0, max: 300, noNaN: true }), { maxLength: 10 })
  .map((ys) => ys.sort((a, b) => a - b));

describe('bookingLimits(protectionLevels, capacity, options)', () => {
  it('reproduces Fiig et al. (2010) Table 2 EMSRb booking limits 100, 80, 65, 46, 20, 0 (capacity 100)', () => {
    // Table 2 reports whole seats; EMSR-b levels rounded to the nearest seat, then b_j = max(0, C − y_{j−1}).
    const ys = emsrB(FIIG_2010, { rounding: 'nearest' }).protectionLevels;
    expect(bookingLimits(ys, FIIG_CAPACITY)).toEqual([...FIIG_EMSRB_LIMITS]);
  });

  it('starts at the capacity and subtracts each protection level, never below zero', () => {
    expect(bookingLimits([10, 30, 120], 100)).toEqual([100, 90, 70, 0]);
    expect(bookingLimits([], 7)).toEqual([7]);
    expect(bookingLimits([5, Infinity], 50)).toEqual([50, 45, 0]);
  });

  it('rounds fractional limits down or to the nearest unit on request', () => {
    expect(bookingLimits([16.7, 50.9, 83.2], 100, { rounding: 'down' })).toEqual([100, 83, 49, 16]);
    expect(bookingLimits([16.7, 50.9, 83.5], 100, { rounding: 'nearest' })).toEqual([100, 83, 49, 17]);
  });

  it('returns n non-increasing limits within [0, C] with b_1 = C', () => {
    fc.assert(
      fc.property(levels, fc.integer({ min: 0, max: 400 }), (ys, C) => {
        const b = bookingLimits(ys, C);
        expect(b).toHaveLength(ys.length + 1);
        expect(b[0]).toBe(C);
        for (let j = 1; j < b.length; j++) {
          expect(b[j]!).toBeLessThanOrEqual(b[j - 1]!);
          expect(b[j]!).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('does not mutate its input', () => {
    const ys = deepFreeze([1, 2, 3]);
    bookingLimits(ys, 10, deepFreeze({ rounding: 'down' as const }));
    partitionedAllocations(ys, 10);
    expect(ys).toEqual([1, 2, 3]);
  });

  it('rejects bad input naming the field', () => {
    const cases: [() => unknown, string, string][] = [
      [() => bookingLimits([1, Number.NaN], 10), 'protectionLevels[1]', 'invalid'],
      [() => bookingLimits([-1], 10), 'protectionLevels[0]', 'invalid'],
      [() => bookingLimits([5, 3], 10), 'protectionLevels[1]', 'unsorted'],
      [() => bookingLimits([1], -1), 'capacity', 'invalid'],
      [() => bookingLimits([1], 2.5), 'capacity', 'invalid'],
      [() => bookingLimits([1], Infinity), 'capacity', 'invalid'],
      [() => bookingLimits('x' as never, 3), 'protectionLevels', 'invalid-type'],
      [() => bookingLimits([1], 3, { rounding: 'up' as never }), 'options.rounding', 'invalid'],
      [() => bookingLimits([1], 3, null as never), 'options', 'invalid-type'],
      [() => bookingLimits([1], 3, 'down' as never), 'options', 'invalid-type'],
      [() => partitionedAllocations([2, 1], 3), 'protectionLevels[1]', 'unsorted'],
    ];
    for (const [f, path, code] of cases) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(YieldInputError);
      expect((err as YieldInputError).path).toBe(path);
      expect((err as YieldInputError).code).toBe(code);
    }
  });
});

describe('partitionedAllocations(protectionLevels, capacity)', () => {
  it('splits the capacity into per-class buckets (T&vR 2004 §2.1.2)', () => {
    expect(partitionedAllocations([17, 51, 83], 100)).toEqual([17, 34, 32, 17]);
    expect(partitionedAllocations([17, 51, 120], 100)).toEqual([17, 34, 49, 0]);
  });

  it('returns n buckets ≥ 0 that sum to the capacity', () => {
    fc.assert(
      fc.property(levels, fc.integer({ min: 0, max: 400 }), (ys, C) => {
        const a = partitionedAllocations(ys, C);
        expect(a).toHaveLength(ys.length + 1);
        a.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
        expect(a.reduce((s, x) => s + x, 0)).toBeCloseTo(C, 9);
      }),
      { numRuns: 50 },
    );
  });
});
