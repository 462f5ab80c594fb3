import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { littlewood } from '../../../src/optimize/singleResource/index.js';
import { YieldInputError } from '../../../src/model/index.js';
import { normalQuantile } from '../../../src/distributions/index.js';
import { TVR_TABLE_2_5, deepFreeze } from './fixtures.js';

/** Poisson pmf by the recurrence P(k) = P(k − 1)·λ/k, written here independently of the library. */
function poissonPmf(lambda: number, kmax: number): number[] {
  const out = [Math.exp(-lambda)];
  for (let k = 1; k <= kmax; k++) out.push((out[k - 1]! * lambda) / k);
  return out;
}

/**
 * Brute force: with unlimited low-fare demand booking first, the revenue of protecting y units is
 * p2·(C − y) + p1·E[min(D1, y)]; Littlewood's y* is its smallest maximiser.
 */
function bruteForceProtection(pmf: number[], p1: number, p2: number, C: number): number {
  let best = -Infinity;
  let arg = -1;
  for (let y = 0; y <= C; y++) {
    let e = 0;
    for (let d = 0; d < pmf.length; d++) e += pmf[d]! * Math.min(d, y);
    const r = p2 * (C - y) + p1 * e;
    if (arg < 0 || r > best + 1e-9 * Math.abs(best)) {
      best = r;
      arg = y;
    }
  }
  return arg;
}

describe('littlewood(highDemand, highFare, lowFare)', () => {
  it('reproduces Talluri & van Ryzin (2004) Table 2.5: y1 = 16.7 for N(17.3, 5.8), fares 1050 vs 567', () => {
    // T&vR report 16.7 (one decimal). Exact: 17.3 + 5.8·Φ⁻¹(1 − 567/1050).
    const y = littlewood(TVR_TABLE_2_5[0]!.demand, 1050, 567);
    expect(Math.abs(y - 16.7)).toBeLessThanOrEqual(0.05);
    expect(y).toBeCloseTo(17.3 + 5.8 * normalQuantile(1 - 567 / 1050), 12);
  });

  it('protects 24 seats for Poisson(20) full-fare demand at $499 vs $99 (brute-force check of eq. 2.3)', () => {
    // Textbook exercise (100 seats, full $499, discount $99, full-fare demand Poisson with mean 20); no
    // answer is printed with it, so the expected value comes from the brute-force revenue maximiser.
    const pmf = poissonPmf(20, 120);
    expect(bruteForceProtection(pmf, 499, 99, 100)).toBe(24);
    expect(littlewood({ kind: 'poisson', mean: 20 }, 499, 99)).toBe(24);
  });

  it('matches the brute-force revenue maximiser for random Poisson demand and fares', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.integer({ min: 2, max: 1000 }),
        fc.integer({ min: 1, max: 999 }),
        (lambda, p1, p2raw) => {
          const p2 = Math.min(p2raw, p1 - 1);
          const pmf = poissonPmf(lambda, 200);
          const y = littlewood({ kind: 'poisson', mean: lambda }, p1, p2);
          expect(y).toBe(bruteForceProtection(pmf, p1, p2, 150));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('uses the discrete rule for empirical demand: the largest y with P(D ≥ y) > p2/p1', () => {
    // P(D ≥ 0) = 1, P(D ≥ 1) = 0.8, P(D ≥ 2) = 0.5, P(D ≥ 3) = 0.2; ratio 0.5 → y = 1 (0.5 is not > 0.5).
    const d = { kind: 'empirical', probabilities: [0.2, 0.3, 0.3, 0.2] } as const;
    expect(littlewood(d, 100, 50)).toBe(1);
    expect(littlewood(d, 100, 49)).toBe(2);
    expect(littlewood(d, 100, 19)).toBe(3);
    expect(littlewood(d, 100, 0)).toBe(3);
  });

  it('protects nothing when the fares are equal, and everything when the low fare is 0', () => {
    expect(littlewood({ kind: 'normal', mean: 40, sd: 12 }, 100, 100)).toBe(0);
    expect(littlewood({ kind: 'poisson', mean: 5 }, 100, 100)).toBe(0);
    expect(littlewood({ kind: 'normal', mean: 40, sd: 12 }, 100, 0)).toBe(Infinity);
    expect(littlewood({ kind: 'poisson', mean: 5 }, 100, 0)).toBe(Infinity);
    expect(littlewood({ kind: 'normal', mean: 40, sd: 0 }, 100, 0)).toBe(40);
    expect(littlewood({ kind: 'poisson', mean: 0 }, 100, 0)).toBe(0);
  });

  it('never protects a negative number of units when the normal quantile is below zero', () => {
    expect(littlewood({ kind: 'normal', mean: 1, sd: 5 }, 100, 90)).toBe(0);
  });

  it('protects exactly the mean of a deterministic (sd = 0) normal demand', () => {
    expect(littlewood({ kind: 'normal', mean: 12.5, sd: 0 }, 100, 30)).toBe(12.5);
  });

  it('is non-increasing in the low fare and unchanged when both fares are scaled by k', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        fc.double({ min: 0.001, max: 0.01, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (mean, sd, r, dr, k) => {
          const d = { kind: 'normal', mean, sd } as const;
          const a = littlewood(d, 1000, 1000 * r);
          const b = littlewood(d, 1000, 1000 * (r + dr));
          expect(b).toBeLessThanOrEqual(a);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(littlewood(d, 1000 * k, 1000 * r * k)).toBeCloseTo(a, 6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not mutate its input', () => {
    const d = deepFreeze({ kind: 'poisson', mean: 7 } as const);
    expect(() => littlewood(d, 10, 5)).not.toThrow();
    expect(d).toEqual({ kind: 'poisson', mean: 7 });
  });

  it('rejects bad input naming the field', () => {
    const cases: [() => unknown, string][] = [
      [() => littlewood({ kind: 'normal', mean: 40, sd: -1 }, 200, 120), 'highDemand.sd'],
      [() => littlewood({ kind: 'normal', mean: Number.NaN, sd: 1 }, 200, 120), 'highDemand.mean'],
      [() => littlewood({ kind: 'poisson', mean: 4 }, Number.NaN, 120), 'highFare'],
      [() => littlewood({ kind: 'poisson', mean: 4 }, Infinity, 120), 'highFare'],
      [() => littlewood({ kind: 'poisson', mean: 4 }, 200, -1), 'lowFare'],
      [() => littlewood({ kind: 'poisson', mean: 4 }, 100, 120), 'lowFare'],
      [() => littlewood({ kind: 'empirical', probabilities: [0.7, 0.7] }, 100, 50), 'highDemand.probabilities'],
      [() => littlewood({ kind: 'empirical', probabilities: [1.2, -0.2] }, 100, 50), 'highDemand.probabilities[0]'],
    ];
    for (const [f, path] of cases) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(YieldInputError);
      expect((err as YieldInputError).path).toBe(path);
    }
    // (Asserted outside a catch block, so a call that stopped throwing would fail the test.)
    let unsorted: unknown;
    try {
      littlewood({ kind: 'poisson', mean: 4 }, 100, 120);
    } catch (e) {
      unsorted = e;
    }
    expect((unsorted as YieldInputError | undefined)?.code).toBe('unsorted');
  });
});
