import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalDistribution, normalLoss, normalQuantile, toDistribution } from '../../src/distributions/index.js';
import { mulberry32 } from '../../src/internal/rng.js';
import { expectInputError, rel } from './helpers.js';

describe('normalDistribution', () => {
  it('normalDistribution(μ, σ) standardises: cdf(μ + σz) = Φ(z) with Φ from A&S Table 26.1', () => {
    const d = normalDistribution(40, 12);
    expect(d.cdf(40)).toBe(0.5);
    expect(rel(d.cdf(40 + 12), 0.8413447460685429)).toBeLessThan(1e-15);
    expect(rel(d.cdf(40 + 2 * 12), 0.9772498680518208)).toBeLessThan(1e-15);
    expect(rel(d.sf(40 - 12), 0.8413447460685429)).toBeLessThan(1e-15);
    expect(rel(d.pdf(52), 0.24197072451914337 / 12)).toBeLessThan(1e-15);
    expect(d.mean).toBe(40);
    expect(d.sd).toBe(12);
    expect(d.variance).toBe(144);
    expect(d.discrete).toBe(false);
    expect(d.kind).toBe('normal');
  });

  it('quantile(p) = μ + σ·Φ⁻¹(p): the 97.5% point is μ + 1.959963984540054σ (the tabulated z)', () => {
    const d = normalDistribution(40, 12);
    expect(rel(d.quantile(0.975), 40 + 12 * 1.959963984540054)).toBeLessThan(1e-15);
    expect(d.quantile(0)).toBe(-Infinity);
    expect(d.quantile(1)).toBe(Infinity);
  });

  it('expectedMin(x) = μ − σ·L((x − μ)/σ), checked against the Z-chart loss table and by quadrature of P(D > t)', () => {
    const d = normalDistribution(100, 30);
    // at x = μ: μ − σ·φ(0) = 100 − 30·0.39894… (published L(0) = 0.399)
    expect(Math.abs(d.expectedMin(100) - (100 - 30 * 0.399))).toBeLessThan(30 * 0.0005);
    // at x = μ − 30 (z = −1): published L(−1) = 1.083
    expect(Math.abs(d.expectedMin(70) - (100 - 30 * 1.083))).toBeLessThan(30 * 0.0005);
    // independent: E[min(D, x)] = ∫_{−∞}^{x} P(D > t) dt − ∫_{−∞}^{0} 1 dt … for x ≥ 0 with negligible mass below
    // −∞: = x − ∫_{−∞}^{x} P(D ≤ t) dt. Simpson on [μ − 12σ, x].
    for (const x of [40, 85, 100, 130, 190]) {
      const a = 100 - 12 * 30;
      const n = 20000;
      const h = (x - a) / n;
      let s = d.cdf(a) + d.cdf(x);
      for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * d.cdf(a + i * h);
      const integral = (s * h) / 3;
      expect(rel(d.expectedMin(x), x - integral)).toBeLessThan(1e-10);
    }
    expect(d.expectedMin(Infinity)).toBe(100);
  });

  it('expectedMin is non-decreasing, concave and ≤ min(μ, x)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 1e-3, max: 50, noNaN: true }),
        (mu, sigma, x, h) => {
          const d = normalDistribution(mu, sigma);
          const a = d.expectedMin(x);
          const b = d.expectedMin(x + h);
          const c = d.expectedMin(x + 2 * h);
          const tol = 1e-12 * (mu + sigma + x);
          expect(b).toBeGreaterThanOrEqual(a - tol);
          expect(a).toBeLessThanOrEqual(Math.min(mu, x) + tol);
          expect(a + c - 2 * b).toBeLessThanOrEqual(tol);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('σ = 0 is a point mass at μ everywhere, without NaN', () => {
    const d = normalDistribution(25, 0);
    expect(d.cdf(24.999)).toBe(0);
    expect(d.cdf(25)).toBe(1);
    expect(d.sf(25)).toBe(0);
    expect(d.sf(24)).toBe(1);
    expect(d.pdf(25)).toBe(Infinity);
    expect(d.pdf(26)).toBe(0);
    expect(d.quantile(0)).toBe(25);
    expect(d.quantile(0.3)).toBe(25);
    expect(d.quantile(1)).toBe(25);
    expect(d.expectedMin(10)).toBe(10);
    expect(d.expectedMin(40)).toBe(25);
    expect(d.sample(mulberry32(3))).toBe(25);
    const z = normalDistribution(0, 0);
    expect(z.expectedMin(0)).toBe(0);
    expect(z.cdf(0)).toBe(1);
  });

  it('sample(rng) is inversion μ + σΦ⁻¹(u): deterministic, maps u = 0 to a finite draw, matches mean and sd', () => {
    const d = normalDistribution(50, 10);
    expect(d.sample(() => 0.975)).toBe(50 + 10 * normalQuantile(0.975));
    expect(Number.isFinite(d.sample(() => 0))).toBe(true);
    const r1 = mulberry32(42);
    const r2 = mulberry32(42);
    for (let i = 0; i < 20; i++) expect(d.sample(r1)).toBe(d.sample(r2));
    const rng = mulberry32(2024);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = d.sample(rng);
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    expect(Math.abs(mean - 50)).toBeLessThan(5 * (10 / Math.sqrt(n)));
    expect(Math.abs(sd - 10)).toBeLessThan(5 * (10 / Math.sqrt(2 * n)));
  });

  it('tail accuracy carries over: sf(μ + 30σ) has full relative accuracy', () => {
    const d = normalDistribution(10, 2);
    expect(rel(d.sf(70), 4.906713927148187e-198)).toBeLessThan(2e-15);
    expect(rel(d.expectedMin(10 + 2 * 30), 10 - 2 * normalLoss(30))).toBeLessThan(1e-15);
  });

  it('bad input throws YieldInputError naming the field', () => {
    expectInputError(() => normalDistribution(-1, 2), 'mean');
    expectInputError(() => normalDistribution(Number.NaN, 2), 'mean');
    expectInputError(() => normalDistribution(1, -2), 'sd');
    expectInputError(() => normalDistribution(1, Infinity), 'sd');
    const d = normalDistribution(10, 2);
    expectInputError(() => d.cdf(Number.NaN), 'x');
    expectInputError(() => d.sf(Number.NaN), 'x');
    expectInputError(() => d.pdf(Number.NaN), 'x');
    expectInputError(() => d.quantile(-0.01), 'p');
    expectInputError(() => d.expectedMin(-1), 'x');
    expectInputError(() => d.expectedMin(Number.NaN), 'x');
    expectInputError(() => d.sample(() => Number.NaN), 'rng');
    expectInputError(() => toDistribution({ kind: 'normal', mean: 40, sd: -1 }, 'classes[2].demand'), 'classes[2].demand.sd');
  });
});
