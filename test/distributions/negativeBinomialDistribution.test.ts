import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { negativeBinomialDistribution, poissonDistribution, toDistribution } from '../../src/distributions/index.js';
import { mulberry32 } from '../../src/internal/rng.js';
import { expectInputError, rel } from './helpers.js';

/** mean and variance of the "failures before the s-th success" law with success probability p. */
const moments = (s: number, p: number) => ({ mean: (s * (1 - p)) / p, variance: (s * (1 - p)) / (p * p) });

/**
 * Independent brute force: unnormalised terms by the recurrence P(k + 1)/P(k) = q(k + r)/(k + 1) outwards
 * from the mode, divided by their total (which is 1/P(mode)); no special functions involved.
 */
function bruteTerms(r: number, p: number, kMax: number): number[] {
  const q = 1 - p;
  const mode = r > 1 ? Math.floor(((r - 1) * q) / p) : 0;
  const top = Math.max(kMax, mode + 2000);
  const t = new Array<number>(top + 1).fill(0);
  t[mode] = 1;
  for (let k = mode; k < top; k++) t[k + 1] = (t[k]! * q * (k + r)) / (k + 1);
  for (let k = mode; k > 0; k--) t[k - 1] = (t[k]! * k) / (q * (k - 1 + r));
  let total = 0;
  for (let k = top; k >= 0; k--) total += t[k]!;
  return t.map((x) => x / total); // the whole table to `top`, where the tail is below 1e-30
}
const sum = (t: number[], from: number, to: number) => {
  let s = 0;
  for (let k = to; k >= from; k--) s += t[k] ?? 0;
  return s;
};

describe('negativeBinomialDistribution', () => {
  it('cdf reproduces the published table (Powell 1982 / Burkardt NEGATIVE_BINOMIAL_CDF_VALUES)', () => {
    // [failures f, successes s, success probability p, P(F ≤ f)]; our parametrisation by mean and
    // variance gives r = s and the same p (up to the rounding of s(1 − p)/p, hence 1e-13).
    const table: readonly [number, number, number, number][] = [
      [4, 4, 0.5, 0.63671875],
      [3, 5, 0.5, 0.36328125],
      [2, 6, 0.5, 0.14453125],
      [3, 4, 0.5, 0.5],
      [2, 5, 0.5, 0.2265625],
      [1, 6, 0.5, 0.0625],
      [2, 4, 0.5, 0.34375],
      [1, 5, 0.5, 0.109375],
      [0, 6, 0.5, 0.015625],
      [2, 4, 0.4, 0.1792],
      [1, 5, 0.4, 0.04096],
      [0, 6, 0.4, 0.004096],
      [2, 4, 0.3, 0.07047],
      [1, 5, 0.3, 0.010935],
      [0, 6, 0.3, 0.000729],
      [11, 1, 0.3, 0.986158712799],
      [10, 2, 0.3, 0.914974950051],
      [9, 3, 0.3, 0.747184652145],
      [17, 1, 0.1, 0.8499053647030009],
      [16, 2, 0.1, 0.5497160941090026],
      [15, 3, 0.1, 0.266204005214671],
      [9, 1, 0.1, 0.6513215599],
      [8, 2, 0.1, 0.2639010709],
      [7, 3, 0.1, 0.0701908264],
      [1, 1, 0.01, 0.0199],
      [0, 2, 0.01, 0.0001],
    ];
    for (const [f, s, p, cdf] of table) {
      const { mean, variance } = moments(s, p);
      const d = negativeBinomialDistribution(mean, variance);
      expect(rel(d.size, s)).toBeLessThan(1e-13);
      expect(rel(d.cdf(f), cdf)).toBeLessThan(1e-13);
    }
  });

  it('mean 4, variance 8 is r = 4, p = ½: pmf(0) = 1/16, cdf(1) = 3/16 (closed forms)', () => {
    const d = negativeBinomialDistribution(4, 8);
    expect(d.size).toBe(4);
    expect(d.probability).toBe(0.5);
    expect(rel(d.pdf(0), 1 / 16)).toBeLessThan(1e-15);
    expect(rel(d.pdf(1), 4 / 32)).toBeLessThan(1e-15);
    expect(rel(d.cdf(1), 3 / 16)).toBeLessThan(1e-15);
    expect(d.mean).toBe(4);
    expect(d.variance).toBe(8);
    expect(d.sd).toBe(Math.sqrt(8));
  });

  it('pmf, cdf and sf agree with brute force (non-integer r, far tails) to 1e-12 relative', () => {
    for (const [m, v] of [[3.7, 5.2], [40, 400], [120, 150], [0.8, 20]] as const) {
      const d = negativeBinomialDistribution(m, v);
      const kMax = Math.ceil(m + 60 * Math.sqrt(v) + 100);
      const t = bruteTerms(d.size, d.probability, kMax);
      for (const k of [0, 1, 3, Math.floor(m / 2), Math.floor(m), Math.ceil(m + 3 * Math.sqrt(v)), Math.ceil(m + 20 * Math.sqrt(v))]) {
        if (t[k]! > 1e-290) expect(rel(d.pdf(k), t[k]!)).toBeLessThan(1e-12);
        const lower = sum(t, 0, k);
        const upper = sum(t, k + 1, t.length - 1);
        if (lower > 1e-290) expect(rel(d.cdf(k), lower)).toBeLessThan(1e-12);
        if (upper > 1e-290) expect(rel(d.sf(k), upper)).toBeLessThan(1e-12);
      }
    }
  });

  it('the pmf has the stated mean and variance (moments summed)', () => {
    for (const [m, v] of [[2.5, 4], [30, 90], [0.3, 3]] as const) {
      const d = negativeBinomialDistribution(m, v);
      let m0 = 0, m1 = 0, m2 = 0;
      for (let k = Math.ceil(m + 80 * Math.sqrt(v) + 200); k >= 0; k--) {
        const p = d.pdf(k);
        m0 += p;
        m1 += k * p;
        m2 += k * k * p;
      }
      expect(Math.abs(m0 - 1)).toBeLessThan(1e-13);
      expect(rel(m1, m)).toBeLessThan(1e-12);
      expect(rel(m2 - m1 * m1, v)).toBeLessThan(1e-10);
    }
  });

  it('expectedMin(n) equals brute force Σ_{k<n} P(D > k) and interpolates linearly', () => {
    for (const [m, v] of [[3.7, 5.2], [40, 400], [0.8, 20]] as const) {
      const d = negativeBinomialDistribution(m, v);
      const kMax = Math.ceil(m + 60 * Math.sqrt(v) + 100);
      const t = bruteTerms(d.size, d.probability, kMax);
      for (const n of [1, 2, 5, Math.floor(m), Math.ceil(m + 2 * Math.sqrt(v)), Math.ceil(m + 15 * Math.sqrt(v))]) {
        let brute = 0;
        for (let k = 0; k < n; k++) brute += sum(t, k + 1, t.length - 1);
        expect(rel(d.expectedMin(n), brute)).toBeLessThan(1e-12);
        expect(rel(d.expectedMin(n + 0.25), brute + 0.25 * sum(t, n + 1, t.length - 1))).toBeLessThan(1e-12);
      }
      expect(d.expectedMin(0)).toBe(0);
      expect(d.expectedMin(Infinity)).toBe(m);
    }
  });

  it('tends to Poisson(m) as the variance approaches the mean', () => {
    const nb = negativeBinomialDistribution(6, 6 * (1 + 1e-7));
    const po = poissonDistribution(6);
    for (const k of [0, 3, 6, 12, 20]) expect(rel(nb.cdf(k), po.cdf(k))).toBeLessThan(1e-5);
  });

  it('quantile is the smallest k with cdf(k) ≥ p; quantile(0) = 0 and quantile(1) = Infinity', () => {
    const d = negativeBinomialDistribution(4, 8); // r = 4, p = ½: cdf(3) = 1/2 exactly (table row 4)
    expect(d.quantile(0.5 - 1e-9)).toBe(3);
    expect(d.quantile(0.5 + 1e-9)).toBe(4);
    expect(d.quantile(0)).toBe(0);
    expect(d.quantile(1)).toBe(Infinity);
  });

  it('mean 0 (variance 0) is the point mass at 0, without NaN', () => {
    const d = negativeBinomialDistribution(0, 0);
    expect(d.pdf(0)).toBe(1);
    expect(d.cdf(0)).toBe(1);
    expect(d.sf(0)).toBe(0);
    expect(d.quantile(0.9)).toBe(0);
    expect(d.expectedMin(3)).toBe(0);
    expect(d.sample(mulberry32(1))).toBe(0);
  });

  it('sampling is inversion (cdf(k − 1) ≤ u < cdf(k)), deterministic, and fast for a mean of 1e4', () => {
    const d = negativeBinomialDistribution(12, 40);
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (u) => {
        const k = d.sample(() => u);
        expect(d.cdf(k)).toBeGreaterThanOrEqual(u - 1e-12);
        expect(d.cdf(k - 1)).toBeLessThanOrEqual(u + 1e-12);
      }),
      { numRuns: 100 },
    );
    const a = mulberry32(5);
    const b = mulberry32(5);
    for (let i = 0; i < 20; i++) expect(d.sample(a)).toBe(d.sample(b));
    const big = negativeBinomialDistribution(10000, 30000);
    const r = mulberry32(8);
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < 2000; i++) s += big.sample(r);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(Math.abs(s / 2000 - 10000)).toBeLessThan(5 * Math.sqrt(30000 / 2000));
  });

  it('bad input throws YieldInputError naming the field', () => {
    expectInputError(() => negativeBinomialDistribution(-1, 3), 'mean');
    expectInputError(() => negativeBinomialDistribution(3, 3), 'variance');
    expectInputError(() => negativeBinomialDistribution(3, 2), 'variance');
    expectInputError(() => negativeBinomialDistribution(3, Number.NaN), 'variance');
    expectInputError(() => negativeBinomialDistribution(0, 1), 'variance');
    const d = negativeBinomialDistribution(3, 5);
    expectInputError(() => d.quantile(2), 'p');
    expectInputError(() => d.cdf(Number.NaN), 'x');
    expectInputError(
      () => toDistribution({ kind: 'negative-binomial', mean: 5, variance: 4 }, 'products[3].demand'),
      'products[3].demand.variance',
    );
  });
});
