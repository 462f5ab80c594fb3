import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { poissonDistribution, toDistribution } from '../../src/distributions/index.js';
import { mulberry32 } from '../../src/internal/rng.js';
import { YieldInputError } from '../../src/model/errors.js';

const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

/**
 * Independent brute force, written differently from the library (which uses the incomplete gamma
 * function and Loader's saddle point): unnormalised terms r(k) = p(k)/p(mode) by the recurrences
 * p(k + 1)/p(k) = λ/(k + 1) outwards from the mode, then divided by their total (which is 1/p(mode)),
 * so no large logarithms are subtracted anywhere.
 */
function bruteTerms(lambda: number, kMax: number): number[] {
  const mode = Math.floor(lambda);
  const top = Math.max(kMax, Math.ceil(lambda + 40 * Math.sqrt(lambda) + 60));
  const r = new Array<number>(top + 1).fill(0);
  r[mode] = 1;
  for (let k = mode + 1; k <= top; k++) r[k] = (r[k - 1]! * lambda) / k;
  for (let k = mode; k > 0; k--) r[k - 1] = (r[k]! * k) / lambda;
  let total = 0;
  for (let k = top; k >= 0; k--) total += r[k]!;
  return r.slice(0, kMax + 1).map((x) => x / total);
}
const sumRange = (t: number[], from: number, to: number) => {
  let s = 0;
  for (let k = to; k >= from; k--) s += t[k] ?? 0; // small terms first where it matters
  return s;
};

/**
 * Poisson cdf values from Burkardt's TEST_VALUES, POISSON_CDF_VALUES (A&S / Mathematica,
 * 16 significant digits): [λ, k, P(D ≤ k)].
 */
const PUBLISHED: readonly (readonly [number, number, number])[] = [
  [0.02, 0, 0.9801986733067553],
  [0.1, 0, 0.9048374180359596],
  [0.1, 1, 0.9953211598395555],
  [0.5, 0, 0.6065306597126334],
  [0.5, 1, 0.9097959895689501],
  [0.5, 2, 0.9856123220330293],
  [1, 0, 0.3678794411714423],
  [1, 1, 0.7357588823428846],
  [1, 2, 0.9196986029286058],
  [1, 3, 0.9810118431238462],
  [2, 0, 0.1353352832366127],
  [2, 1, 0.4060058497098381],
  [2, 2, 0.6766764161830635],
  [2, 3, 0.857123460498547],
  [5, 0, 0.006737946999085467],
  [5, 1, 0.0404276819945128],
  [5, 2, 0.1246520194830811],
  [5, 3, 0.2650259152973617],
  [5, 4, 0.4404932850652124],
  [5, 5, 0.6159606548330631],
  [5, 6, 0.7621834629729387],
];

describe('poissonDistribution', () => {
  it('poissonDistribution(λ).cdf(k) reproduces the published table (A&S / Burkardt POISSON_CDF_VALUES)', () => {
    for (const [lambda, k, p] of PUBLISHED) {
      expect(rel(poissonDistribution(lambda).cdf(k), p)).toBeLessThan(2e-15);
    }
  });

  it('pmf, cdf and sf agree with brute-force summation, far tails included, to 1e-12 relative', () => {
    for (const lambda of [0.3, 4, 17.5, 100, 1000]) {
      const d = poissonDistribution(lambda);
      const kMax = Math.ceil(lambda + 40 * Math.sqrt(lambda) + 60);
      const t = bruteTerms(lambda, kMax);
      for (const k of [0, 1, 2, Math.floor(lambda / 3), Math.floor(lambda), Math.ceil(lambda + 3 * Math.sqrt(lambda)), Math.ceil(lambda + 10 * Math.sqrt(lambda) + 10)]) {
        if (t[k]! > 1e-300) expect(rel(d.pdf(k), t[k]!)).toBeLessThan(1e-12);
        const lower = sumRange(t, 0, k);
        const upper = sumRange(t, k + 1, kMax);
        if (lower > 1e-290) expect(rel(d.cdf(k), lower)).toBeLessThan(1e-12);
        if (upper > 1e-290) expect(rel(d.sf(k), upper)).toBeLessThan(1e-12);
      }
    }
  });

  it('sf(k) is exact in the far right tail with no truncation at a fixed count (λ = 3, k = 60)', () => {
    // P(D > 60) for λ = 3: the terms from 61 on, brute force
    const t = bruteTerms(3, 200);
    const upper = sumRange(t, 61, 200);
    expect(upper).toBeGreaterThan(1e-60);
    expect(rel(poissonDistribution(3).sf(60), upper)).toBeLessThan(1e-12);
  });

  it('cdf(x) = P(D ≤ ⌊x⌋), pdf is 0 off the integers, cdf(−1) = 0, cdf(∞) = 1', () => {
    const d = poissonDistribution(4);
    expect(d.cdf(2.7)).toBe(d.cdf(2));
    expect(d.sf(2.7)).toBe(d.sf(2));
    expect(d.pdf(2.5)).toBe(0);
    expect(d.pdf(-1)).toBe(0);
    expect(d.cdf(-0.5)).toBe(0);
    expect(d.sf(-0.5)).toBe(1);
    expect(d.cdf(Infinity)).toBe(1);
    expect(d.sf(Infinity)).toBe(0);
    expect(d.cdf(-Infinity)).toBe(0);
    // 8e⁻⁴ and 13e⁻⁴ (closed forms)
    expect(rel(d.pdf(2), 8 * Math.exp(-4))).toBeLessThan(1e-15);
    expect(rel(d.cdf(2), 13 * Math.exp(-4))).toBeLessThan(1e-15);
  });

  it('mean, variance and sd are λ, λ, √λ, and the pmf moments sum to them', () => {
    for (const lambda of [0.7, 12, 250]) {
      const d = poissonDistribution(lambda);
      expect(d.mean).toBe(lambda);
      expect(d.variance).toBe(lambda);
      expect(d.sd).toBe(Math.sqrt(lambda));
      let m0 = 0, m1 = 0, m2 = 0;
      for (let k = Math.ceil(lambda + 30 * Math.sqrt(lambda) + 40); k >= 0; k--) {
        const p = d.pdf(k);
        m0 += p;
        m1 += k * p;
        m2 += k * k * p;
      }
      expect(Math.abs(m0 - 1)).toBeLessThan(1e-13);
      expect(rel(m1, lambda)).toBeLessThan(1e-13);
      expect(rel(m2 - m1 * m1, lambda)).toBeLessThan(1e-10);
    }
  });

  it('expectedMin(n) equals brute force Σ_{k<n} P(D > k), and interpolates linearly between integers', () => {
    for (const lambda of [0.5, 6, 80, 2500]) {
      const d = poissonDistribution(lambda);
      const kMax = Math.ceil(lambda + 40 * Math.sqrt(lambda) + 60);
      const t = bruteTerms(lambda, kMax);
      for (const n of [0, 1, 2, Math.floor(lambda / 2), Math.floor(lambda), Math.floor(lambda + 2 * Math.sqrt(lambda)), Math.floor(lambda + 12 * Math.sqrt(lambda) + 20)]) {
        let brute = 0;
        for (let k = 0; k < n; k++) brute += sumRange(t, k + 1, kMax);
        if (n === 0) expect(d.expectedMin(0)).toBe(0);
        else expect(rel(d.expectedMin(n), brute)).toBeLessThan(1e-12);
        // n + ½: E[min(D, n + ½)] = E[min(D, n)] + ½·P(D > n)
        expect(rel(d.expectedMin(n + 0.5), d.expectedMin(n) + 0.5 * sumRange(t, n + 1, kMax))).toBeLessThan(1e-12);
      }
      expect(d.expectedMin(Infinity)).toBe(lambda);
    }
    // closed form at n = 1: E[min(D, 1)] = P(D ≥ 1) = 1 − e^(−λ)
    expect(rel(poissonDistribution(4).expectedMin(1), -Math.expm1(-4))).toBeLessThan(1e-15);
  });

  it('quantile(p) is the smallest k with cdf(k) ≥ p; quantile(0) = 0, quantile(1) = Infinity', () => {
    const d = poissonDistribution(5);
    // from the published table: cdf(4) = 0.4404932850652124 < 0.5 ≤ cdf(5) = 0.6159606548330631
    expect(d.quantile(0.5)).toBe(5);
    expect(d.quantile(0.440493285)).toBe(4);
    expect(d.quantile(0.440493286)).toBe(5);
    expect(d.quantile(0.0404276819945128 * (1 - 1e-12))).toBe(1); // just below cdf(1)
    expect(d.quantile(0.0404276819945128 * (1 + 1e-12))).toBe(2); // just above
    expect(d.quantile(0)).toBe(0);
    expect(d.quantile(1)).toBe(Infinity);
    expect(poissonDistribution(10000).quantile(0.5)).toBe(10000); // median of Poisson(n) for integer n is n
  });

  it('λ = 0 is the point mass at 0 everywhere, without NaN', () => {
    const d = poissonDistribution(0);
    expect(d.pdf(0)).toBe(1);
    expect(d.pdf(1)).toBe(0);
    expect(d.cdf(0)).toBe(1);
    expect(d.sf(0)).toBe(0);
    expect(d.cdf(-1)).toBe(0);
    expect(d.quantile(0.3)).toBe(0);
    expect(d.quantile(1)).toBe(0);
    expect(d.expectedMin(5)).toBe(0);
    expect(d.expectedMin(0.5)).toBe(0);
    expect(d.sample(mulberry32(1))).toBe(0);
    expect(d.sd).toBe(0);
  });

  it('sampling is deterministic, follows the pmf (chi-square), and is fast for λ = 1e4', () => {
    const d = poissonDistribution(3.5);
    const a = Array.from({ length: 50 }, ((r) => () => d.sample(r))(mulberry32(7)));
    const b = Array.from({ length: 50 }, ((r) => () => d.sample(r))(mulberry32(7)));
    expect(a).toEqual(b);
    // goodness of fit, 20000 draws, cells 0..9 and ≥ 10; 10 degrees of freedom, 99.9% point 29.59
    const rng = mulberry32(12345);
    const n = 20000;
    const counts = new Array<number>(11).fill(0);
    for (let i = 0; i < n; i++) counts[Math.min(10, d.sample(rng))]! += 1;
    let chi2 = 0;
    for (let k = 0; k <= 10; k++) {
      const p = k < 10 ? d.pdf(k) : d.sf(9);
      chi2 += (counts[k]! - n * p) ** 2 / (n * p);
    }
    expect(chi2).toBeLessThan(29.59);
    // large mean: 2000 draws well under a second, sample mean within 5 standard errors
    const big = poissonDistribution(10000);
    const r2 = mulberry32(99);
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < 2000; i++) s += big.sample(r2);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(Math.abs(s / 2000 - 10000)).toBeLessThan(5 * Math.sqrt(10000 / 2000));
  });

  it('sample(rng) is the inversion: it returns quantile(u) for the uniform drawn', () => {
    for (const lambda of [0.2, 7, 300, 10000]) {
      const d = poissonDistribution(lambda);
      fc.assert(
        fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (u) => {
          const k = d.sample(() => u);
          // inversion: F(k − 1) ≤ u < F(k) up to rounding of the running sum
          expect(d.cdf(k)).toBeGreaterThanOrEqual(u - 1e-12);
          expect(d.cdf(k - 1)).toBeLessThanOrEqual(u + 1e-12);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('bad input throws YieldInputError naming the field', () => {
    const expectPath = (f: () => unknown, path: string) => {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(YieldInputError);
        expect((e as YieldInputError).path).toBe(path);
      }
    };
    expectPath(() => poissonDistribution(-1), 'mean');
    expectPath(() => poissonDistribution(Number.NaN), 'mean');
    expectPath(() => poissonDistribution(Infinity), 'mean');
    const d = poissonDistribution(3);
    expectPath(() => d.cdf(Number.NaN), 'x');
    expectPath(() => d.quantile(1.5), 'p');
    expectPath(() => d.quantile(Number.NaN), 'p');
    expectPath(() => d.expectedMin(-1), 'x');
    expectPath(() => d.sample(() => 1), 'rng');
    expectPath(() => toDistribution({ kind: 'poisson', mean: -2 }, 'classes[1].demand'), 'classes[1].demand.mean');
    expectPath(() => toDistribution({ kind: 'poisson', mean: -2 }), 'demand.mean');
  });
});
