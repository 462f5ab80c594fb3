/**
 * Invariants every DemandDistribution must hold, checked with fast-check over random demands of all
 * four kinds (built through `toDistribution`, as the optimizers do).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toDistribution, type DemandDistribution } from '../../src/distributions/index.js';
import { mulberry32 } from '../../src/internal/rng.js';
import type { Demand } from '../../src/model/demand.js';

const normalDemand = fc.record({
  kind: fc.constant('normal' as const),
  mean: fc.double({ min: 0, max: 500, noNaN: true }),
  sd: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 200, noNaN: true })),
});
const poissonDemand = fc.record({
  kind: fc.constant('poisson' as const),
  mean: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 3000, noNaN: true })),
});
const negativeBinomialDemand = fc
  .tuple(fc.double({ min: 0.01, max: 800, noNaN: true }), fc.double({ min: 1.001, max: 30, noNaN: true }))
  .map(([mean, ratio]) => ({ kind: 'negative-binomial' as const, mean, variance: mean * ratio }));
const empiricalDemand = fc
  .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 })
  .filter((w) => w.reduce((a, b) => a + b, 0) > 1e-3)
  .map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return { kind: 'empirical' as const, probabilities: w.map((x) => x / total) };
  })
  .filter((d) => Math.abs(d.probabilities.reduce((a, b) => a + b, 0) - 1) <= 1e-9);
const anyDemand: fc.Arbitrary<Demand> = fc.oneof(normalDemand, poissonDemand, negativeBinomialDemand, empiricalDemand);

/** A point in the interesting range of d (around its mean, out to the tails). */
const pointFor = (d: DemandDistribution, t: number): number => d.mean + d.sd * t;

const RUNS = 120;

describe('every demand distribution', () => {
  it('cdf is within [0, 1], non-decreasing, and cdf + sf = 1', () => {
    fc.assert(
      fc.property(anyDemand, fc.double({ min: -8, max: 12, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (demand, t, h) => {
        const d = toDistribution(demand);
        const x = pointFor(d, t);
        const y = x + h * Math.max(d.sd, 1);
        const a = d.cdf(x);
        const b = d.cdf(y);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
        expect(b).toBeGreaterThanOrEqual(a - 1e-15);
        expect(Math.abs(a + d.sf(x) - 1)).toBeLessThan(1e-13);
      }),
      { numRuns: RUNS },
    );
  });

  it('quantile is a generalized inverse of cdf (discrete: smallest k with cdf(k) ≥ p)', () => {
    fc.assert(
      fc.property(anyDemand, fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (demand, p) => {
        const d = toDistribution(demand);
        const q = d.quantile(p);
        expect(Number.isFinite(q)).toBe(true);
        if (d.discrete) {
          expect(Number.isInteger(q)).toBe(true);
          expect(d.cdf(q)).toBeGreaterThanOrEqual(p - 1e-12);
          if (q > 0) expect(d.cdf(q - 1)).toBeLessThan(p + 1e-12);
        } else if (d.sd > 0) {
          // q is a double: near a large mean with a tiny sd, rounding q to the nearest representable
          // number alone moves cdf(q) by up to pdf(q)·ulp(q), so allow that on top of 1e-13.
          const grid = d.pdf(q) * Math.abs(q) * 4 * Number.EPSILON;
          expect(Math.abs(d.cdf(q) - p)).toBeLessThan(1e-13 + grid);
        } else {
          expect(q).toBe(d.mean);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('expectedMin is non-decreasing and concave in x, and ≤ min(mean, x)', () => {
    fc.assert(
      fc.property(anyDemand, fc.double({ min: -3, max: 10, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true }), (demand, t, h) => {
        const d = toDistribution(demand);
        const x = Math.max(0, pointFor(d, t));
        const step = h * Math.max(d.sd, 1);
        const a = d.expectedMin(x);
        const b = d.expectedMin(x + step);
        const c = d.expectedMin(x + 2 * step);
        const tol = 1e-11 * (1 + d.mean + x);
        expect(b).toBeGreaterThanOrEqual(a - tol);
        expect(c).toBeGreaterThanOrEqual(b - tol);
        expect(a + c - 2 * b).toBeLessThanOrEqual(tol);
        expect(a).toBeLessThanOrEqual(Math.min(d.mean, x) + tol);
        if (d.discrete) expect(a).toBeGreaterThanOrEqual(0);
        expect(Math.abs(d.expectedMin(Infinity) - d.mean)).toBeLessThan(1e-12 * (1 + d.mean));
      }),
      { numRuns: RUNS },
    );
  });

  it('never returns NaN for any legal argument, including ±Infinity', () => {
    fc.assert(
      fc.property(anyDemand, fc.constantFrom(-Infinity, -1, 0, 0.5, 1, 7.25, 1e6, Infinity), (demand, x) => {
        const d = toDistribution(demand);
        for (const v of [d.pdf(x), d.cdf(x), d.sf(x)]) expect(Number.isNaN(v)).toBe(false);
        if (x >= 0) expect(Number.isNaN(d.expectedMin(x))).toBe(false);
        for (const p of [0, 0.5, 1]) expect(Number.isNaN(d.quantile(p))).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('does not mutate its input (deep-frozen demand, structuredClone compare)', () => {
    fc.assert(
      fc.property(anyDemand, (demand) => {
        const before = structuredClone(demand);
        const frozen = Object.freeze({ ...demand, ...('probabilities' in demand ? { probabilities: Object.freeze([...demand.probabilities]) } : {}) }) as Demand;
        const d = toDistribution(frozen);
        d.cdf(d.mean);
        d.expectedMin(d.mean);
        d.quantile(0.3);
        d.sample(mulberry32(1));
        expect(frozen).toEqual(before);
        expect(demand).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('the same seed gives the same samples; samples lie in the support', () => {
    fc.assert(
      fc.property(anyDemand, fc.integer({ min: 0, max: 2 ** 31 }), (demand, seed) => {
        const d = toDistribution(demand);
        const r1 = mulberry32(seed);
        const r2 = mulberry32(seed);
        for (let i = 0; i < 10; i++) {
          const x = d.sample(r1);
          expect(d.sample(r2)).toBe(x);
          expect(Number.isFinite(x)).toBe(true);
          if (d.discrete) {
            expect(Number.isInteger(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
            expect(d.pdf(x)).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('toDistribution keeps the kind and the moments of the Demand it was given', () => {
    fc.assert(
      fc.property(anyDemand, (demand) => {
        const d = toDistribution(demand);
        expect(d.kind).toBe(demand.kind);
        expect(d.discrete).toBe(demand.kind !== 'normal');
        if (demand.kind !== 'empirical') expect(d.mean).toBe(demand.mean);
        if (demand.kind === 'normal') expect(d.sd).toBe(demand.sd);
        if (demand.kind === 'negative-binomial') expect(d.variance).toBe(demand.variance);
        if (demand.kind === 'poisson') expect(d.variance).toBe(demand.mean);
        expect(Math.abs(d.sd * d.sd - d.variance)).toBeLessThanOrEqual(1e-12 * (1 + d.variance));
      }),
      { numRuns: RUNS },
    );
  });
});
