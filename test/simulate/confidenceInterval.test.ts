import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanConfidenceInterval, studentTQuantile, studentTTwoSided } from '../../src/simulate/confidenceInterval.js';

describe('studentTQuantile(p, df)', () => {
  // NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2 "Critical values of the Student's t
  // distribution", printed to 3 decimals (rounded): upper-tail 0.025 (two-sided 95 %) and 0.05.
  const table: [number, number, number][] = [
    [1, 0.975, 12.706],
    [2, 0.975, 4.303],
    [3, 0.975, 3.182],
    [5, 0.975, 2.571],
    [10, 0.975, 2.228],
    [30, 0.975, 2.042],
    [100, 0.975, 1.984],
    [10, 0.95, 1.812],
    [99, 0.95, 1.66],
  ];
  it.each(table)('reproduces the NIST table: df = %i, p = %f → %f', (df, p, t) => {
    expect(Math.round(studentTQuantile(p, df) * 1000) / 1000).toBe(t);
  });

  it('inverts the closed-form distribution (A&S 26.7.3–4) and is odd around p = 1/2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.501, max: 0.9999, noNaN: true }), (df, p) => {
        const t = studentTQuantile(p, df);
        expect(studentTTwoSided(t, df)).toBeCloseTo(2 * p - 1, 10);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('df = 1 is the Cauchy quantile tan(π(p − 1/2)), df = 2 is (2p − 1)·√(2 / (4p(1 − p)))', () => {
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))), 9);
    }
  });

  it('rejects p outside (0, 1) and df that is not a whole number ≥ 1', () => {
    expect(() => studentTQuantile(1, 5)).toThrowError(/p: must be strictly between 0 and 1/);
    expect(() => studentTQuantile(0.9, 0)).toThrowError(/df/);
    expect(() => studentTQuantile(Number.NaN, 3)).toThrowError(/p/);
  });
});

describe('meanConfidenceInterval(values, level)', () => {
  it('gives mean ± t·s/√n: [1, 2, 3, 4] → 2.5 ± 3.182·1.291/2', () => {
    const ci = meanConfidenceInterval([1, 2, 3, 4]);
    expect(ci.mean).toBe(2.5);
    expect(ci.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(ci.halfWidth).toBeCloseTo(studentTQuantile(0.975, 3) * (Math.sqrt(5 / 3) / 2), 14);
    expect(ci.low).toBeCloseTo(2.5 - ci.halfWidth, 14);
    expect(ci.n).toBe(4);
  });
  it('has no finite interval from one observation', () => {
    expect(meanConfidenceInterval([7]).halfWidth).toBe(Infinity);
  });
  it('rejects empty samples, NaN values and bad levels', () => {
    expect(() => meanConfidenceInterval([])).toThrowError(/values: must not be empty/);
    expect(() => meanConfidenceInterval([1, Number.NaN])).toThrowError(/values\[1\]/);
    expect(() => meanConfidenceInterval([1, 2], 1)).toThrowError(/level/);
  });
});
