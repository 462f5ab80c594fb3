import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { empiricalDistribution, toDistribution } from '../../src/distributions/index.js';
import { mulberry32 } from '../../src/internal/rng.js';
import { expectInputError, rel } from './helpers.js';

describe('empiricalDistribution', () => {
  it('a three-point law: mean, variance, cdf, expectedMin and quantile by hand', () => {
    const d = empiricalDistribution([0.2, 0.5, 0.3]);
    expect(rel(d.mean, 1.1)).toBeLessThan(1e-15);
    expect(rel(d.variance, 0.49)).toBeLessThan(1e-14); // E[D²] − 1.1² = 1.7 − 1.21
    expect(rel(d.cdf(1), 0.7)).toBeLessThan(1e-15);
    expect(rel(d.sf(0), 0.8)).toBeLessThan(1e-15);
    expect(rel(d.expectedMin(1), 0.8)).toBeLessThan(1e-15); // P(D ≥ 1)
    expect(rel(d.expectedMin(2), 1.1)).toBeLessThan(1e-15); // = mean (support ends at 2)
    expect(rel(d.expectedMin(1.5), 0.8 + 0.5 * 0.3)).toBeLessThan(1e-15);
    expect(d.quantile(0.7)).toBe(1);
    expect(d.quantile(0.71)).toBe(2);
    expect(d.quantile(0.2)).toBe(0);
    expect(d.pdf(1)).toBe(0.5);
    expect(d.pdf(1.5)).toBe(0);
    expect(d.pdf(3)).toBe(0);
    expect(d.cdf(5)).toBe(1);
    expect(d.sf(2)).toBe(0);
    expect(d.max).toBe(2);
  });

  it('quantile(0) and quantile(1) are the bottom and top of the support (zero-probability ends skipped)', () => {
    const d = empiricalDistribution([0, 0, 0.25, 0.75, 0]);
    expect(d.quantile(0)).toBe(2);
    expect(d.quantile(1)).toBe(3);
    expect(d.sample(() => 0)).toBe(2);
    expect(d.max).toBe(3);
  });

  it('agrees with brute-force expectations for random laws (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (w) => {
        const total = w.reduce((a, b) => a + b, 0);
        fc.pre(total > 1e-6);
        const ps = w.map((x) => x / total);
        const s = ps.reduce((a, b) => a + b, 0);
        fc.pre(Math.abs(s - 1) <= 1e-9);
        const d = empiricalDistribution(ps);
        let mean = 0;
        for (let k = 0; k < ps.length; k++) mean += k * ps[k]!;
        expect(Math.abs(d.mean - mean / s)).toBeLessThan(1e-12 * (1 + mean));
        for (let x = 0; x <= ps.length + 1; x++) {
          let brute = 0; // E[min(D, x)] directly
          for (let k = 0; k < ps.length; k++) brute += Math.min(k, x) * ps[k]!;
          expect(Math.abs(d.expectedMin(x) - brute / s)).toBeLessThan(1e-12 * (1 + x));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('copies its input: later changes by the caller do not affect it; the input is not mutated', () => {
    const ps = [0.1, 0.6, 0.3];
    const frozen = Object.freeze([...ps]);
    const d = empiricalDistribution(frozen);
    ps[0] = 0.9;
    expect(d.pdf(0)).toBe(0.1);
    expect(frozen).toEqual([0.1, 0.6, 0.3]);
  });

  it('probabilities summing to 1 within 1e-9 are renormalised (cdf reaches exactly 1)', () => {
    const d = empiricalDistribution([0.5, 0.5 + 5e-10]);
    expect(d.cdf(1)).toBe(1);
    expect(rel(d.pdf(0) + d.pdf(1), 1)).toBeLessThan(1e-15);
  });

  it('sampling is inversion and deterministic; frequencies follow the probabilities', () => {
    const d = empiricalDistribution([0.1, 0.2, 0.3, 0.4]);
    expect(d.sample(() => 0.0999)).toBe(0);
    expect(d.sample(() => 0.1001)).toBe(1);
    expect(d.sample(() => 0.9999)).toBe(3);
    const rng = mulberry32(77);
    const counts = [0, 0, 0, 0];
    const n = 20000;
    for (let i = 0; i < n; i++) counts[d.sample(rng)]! += 1;
    let chi2 = 0;
    for (let k = 0; k < 4; k++) chi2 += (counts[k]! - n * d.pdf(k)) ** 2 / (n * d.pdf(k));
    expect(chi2).toBeLessThan(16.27); // χ²(3) 99.9% point
  });

  it('bad input throws YieldInputError naming the field', () => {
    expectInputError(() => empiricalDistribution([]), 'probabilities');
    expectInputError(() => empiricalDistribution([0.5, 0.6]), 'probabilities');
    expectInputError(() => empiricalDistribution([0.5, -0.1, 0.6]), 'probabilities[1]');
    expectInputError(() => empiricalDistribution([0.5, Number.NaN, 0.5]), 'probabilities[1]');
    expectInputError(() => empiricalDistribution('x' as unknown as number[]), 'probabilities');
    expectInputError(
      () => toDistribution({ kind: 'empirical', probabilities: [0.2, 1.2] }, 'classes[0].demand'),
      'classes[0].demand.probabilities[1]',
    );
    const d = empiricalDistribution([1]);
    expectInputError(() => d.quantile(Number.NaN), 'p');
    expectInputError(() => d.expectedMin(-0.5), 'x');
  });
});
