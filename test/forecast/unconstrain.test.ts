import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emUnconstrain } from '../../src/forecast/emUnconstrain.js';
import { projectionDetruncation } from '../../src/forecast/projectionDetruncation.js';
import { YieldInputError } from '../../src/model/errors.js';

import { independentMle, logLik } from './censoredMle.js';

// Twelve nights of a 20-room block: demand exceeded the 20 rooms on four of them (sold out → censored).
const soldOut = [
  { value: 14, censored: false },
  { value: 17, censored: false },
  { value: 20, censored: true },
  { value: 11, censored: false },
  { value: 20, censored: true },
  { value: 16, censored: false },
  { value: 19, censored: false },
  { value: 20, censored: true },
  { value: 13, censored: false },
  { value: 18, censored: false },
  { value: 20, censored: true },
  { value: 15, censored: false },
];

describe('emUnconstrain(observations)', () => {
  it('reaches the censored-normal MLE found independently (numerical survival + grid/golden-section search)', () => {
    const r = emUnconstrain(soldOut);
    const ref = independentMle(soldOut);
    expect(r.status).toBe('ok');
    expect(r.mean).toBeCloseTo(ref.mu, 4);
    expect(r.sd).toBeCloseTo(ref.sigma, 4);
    // and it is a maximum: nudging either parameter lowers the independently computed likelihood
    const ll = logLik(soldOut, r.mean, r.sd);
    for (const [dm, ds] of [[0.01, 0], [-0.01, 0], [0, 0.01], [0, -0.01]] as const)
      expect(logLik(soldOut, r.mean + dm!, r.sd + ds!)).toBeLessThan(ll);
  });

  it('reaches the independent MLE on a heavily censored sample (7 of 10 censored at different limits)', () => {
    const obs = [
      { value: 9, censored: false },
      { value: 12, censored: true },
      { value: 15, censored: true },
      { value: 7, censored: false },
      { value: 14, censored: true },
      { value: 10, censored: true },
      { value: 11, censored: true },
      { value: 13, censored: true },
      { value: 12, censored: false },
      { value: 16, censored: true },
    ];
    const r = emUnconstrain(obs);
    const ref = independentMle(obs);
    expect(r.mean).toBeCloseTo(ref.mu, 3);
    expect(r.sd).toBeCloseTo(ref.sigma, 3);
    expect(r.mean).toBeGreaterThan(obs.reduce((s, o) => s + o.value, 0) / obs.length);
  });

  it('returns the sample mean and the divisor-n standard deviation when nothing is censored', () => {
    const r = emUnconstrain([2, 4, 4, 4, 5, 5, 7, 9].map((value) => ({ value, censored: false })));
    // the textbook population-sd example: mean 5, sd 2
    expect(r.mean).toBe(5);
    expect(r.sd).toBe(2);
    expect(r.iterations).toBe(0);
  });

  it('reports not-identifiable when every observation is censored', () => {
    const r = emUnconstrain([{ value: 5, censored: true }, { value: 6, censored: true }]);
    expect(r.status).toBe('not-identifiable');
    expect(r.logLikelihood).toBeNull();
  });

  it('reports not-identifiable, with naive values and no NaN, when all exact values are equal and no bound lies above them', () => {
    // exact 3, 3 and D ≥ 3: the likelihood φ(0)²/σ² · P(D > 3) grows without bound as μ = 3, σ → 0
    const r = emUnconstrain([{ value: 3, censored: false }, { value: 3, censored: false }, { value: 3, censored: true }]);
    expect(r.status).toBe('not-identifiable');
    expect([r.mean, r.sd, r.logLikelihood]).toEqual([3, 0, null]);
    // a single exact observation, or identical exact ones: sd 0, log-likelihood undefined (null, not ±∞)
    expect(emUnconstrain([{ value: 3, censored: false }]).logLikelihood).toBeNull();
    expect(emUnconstrain([{ value: 3, censored: false }, { value: 3, censored: false }]).logLikelihood).toBeNull();
  });

  it('never lowers a censored observation, never lowers the mean below the naive mean, and leaves exact values alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.integer({ min: 0, max: 60 }), censored: fc.boolean() }), { minLength: 3, maxLength: 25 }),
        (obs) => {
          fc.pre(obs.some((o) => !o.censored) && obs.some((o) => o.censored));
          fc.pre(new Set(obs.map((o) => o.value)).size > 1);
          const before = structuredClone(obs);
          const r = emUnconstrain(obs);
          expect(obs).toEqual(before);
          const naive = obs.reduce((s, o) => s + o.value, 0) / obs.length;
          expect(r.mean).toBeGreaterThanOrEqual(naive - 1e-9);
          r.unconstrained.forEach((u, i) => {
            if (obs[i]!.censored) expect(u).toBeGreaterThanOrEqual(obs[i]!.value - 1e-9);
            else expect(u).toBe(obs[i]!.value);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is invariant to the order of the observations and equivariant to shifting them', () => {
    const a = emUnconstrain(soldOut);
    const b = emUnconstrain([...soldOut].reverse());
    const c = emUnconstrain(soldOut.map((o) => ({ ...o, value: o.value + 100 })));
    expect(b.mean).toBeCloseTo(a.mean, 8);
    expect(b.sd).toBeCloseTo(a.sd, 8);
    expect(c.mean).toBeCloseTo(a.mean + 100, 6);
    expect(c.sd).toBeCloseTo(a.sd, 6);
  });

  it('rejects bad input naming the field', () => {
    expect(() => emUnconstrain([])).toThrow(YieldInputError);
    expect(() => emUnconstrain([{ value: Number.NaN, censored: false }])).toThrow(/observations\[0\]\.value/);
    expect(() => emUnconstrain([{ value: 3, censored: 'yes' as unknown as boolean }])).toThrow(/observations\[0\]\.censored/);
    expect(() => emUnconstrain(soldOut, { maxIterations: 0 })).toThrow(/options\.maxIterations/);
  });
});

describe('projectionDetruncation(observations)', () => {
  it('projects a censored value to the median of the normal tail above it (τ = ½), checked by hand on one step', () => {
    // One iteration from the naive start. Data 8, 10, 12 exact and 12 censored: naive μ = 10.5,
    // σ = sd(8, 10, 12, 12) = √(11/3) = 1.914854 (divisor n − 1). Tail above 12: z = 1.5/σ = 0.783349,
    // P(Z > z) = 0.216711; half of it, 0.108355, has upper quantile z* = 1.235321 (R 4.2:
    // qnorm(0.5 * pnorm(z, lower.tail = FALSE), lower.tail = FALSE)), so Ê = 10.5 + σ·z* = 12.865460.
    const obs = [
      { value: 8, censored: false },
      { value: 10, censored: false },
      { value: 12, censored: false },
      { value: 12, censored: true },
    ];
    const one = projectionDetruncation(obs, { maxIterations: 1 });
    expect(one.iterations).toBe(1);
    expect(one.status).toBe('iteration-limit');
    const sigma = Math.sqrt(11 / 3);
    const projected = 10.5 + sigma * 1.235321257212222;
    expect(projected).toBeCloseTo(12.865460116885242, 12);
    expect(one.unconstrained[3]).toBeCloseTo(projected, 9);
    expect(one.mean).toBeCloseTo((8 + 10 + 12 + projected) / 4, 9);
  });

  it('converges to a fixed point: the projections recomputed from the final μ, σ reproduce themselves', () => {
    const r = projectionDetruncation(soldOut);
    expect(r.status).toBe('ok');
    const mean = r.unconstrained.reduce((s, x) => s + x, 0) / r.unconstrained.length;
    const sd = Math.sqrt(r.unconstrained.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.unconstrained.length - 1));
    expect(mean).toBeCloseTo(r.mean, 8);
    expect(sd).toBeCloseTo(r.sd, 8);
    // the censored points sit strictly above the 20-room limit, and the mean above the naive 16.92
    for (let i = 0; i < soldOut.length; i++) if (soldOut[i]!.censored) expect(r.unconstrained[i]).toBeGreaterThan(20);
    expect(r.mean).toBeGreaterThan(203 / 12);
  });

  it('projects further out with a smaller τ', () => {
    const hi = projectionDetruncation(soldOut, { tau: 0.7 });
    const lo = projectionDetruncation(soldOut, { tau: 0.3 });
    expect(lo.mean).toBeGreaterThan(hi.mean);
  });

  it('rejects τ outside (0, 1)', () => {
    expect(() => projectionDetruncation(soldOut, { tau: 1 })).toThrow(/options\.tau/);
    expect(() => projectionDetruncation(soldOut, { tau: Number.NaN })).toThrow(/options\.tau/);
  });
});
