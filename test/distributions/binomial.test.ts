import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binomialCdf, binomialPmf, binomialSf } from '../../src/distributions/index.js';
import { expectInputError, rel } from './helpers.js';

/** Exact binomial terms by the multiplicative recurrence from k = 0 (independent of the library). */
function bruteTerms(n: number, p: number): number[] {
  // unnormalised ratios from the mode, normalised by their sum: no underflow at k = 0 for large n
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const r = new Array<number>(n + 1).fill(0);
  r[mode] = 1;
  for (let k = mode; k < n; k++) r[k + 1] = (r[k]! * (n - k) * p) / ((k + 1) * (1 - p));
  for (let k = mode; k > 0; k--) r[k - 1] = (r[k]! * k * (1 - p)) / ((n - k + 1) * p);
  let total = 0;
  for (let k = 0; k <= n; k++) total += r[k]!;
  return r.map((x) => x / total);
}

describe('binomialPmf / binomialCdf / binomialSf', () => {
  it('binomialCdf reproduces the published table (A&S 26.5 / CRC 30th ed. pp. 651-652 / Burkardt BINOMIAL_CDF_VALUES, 4 decimals)', () => {
    const table: readonly [number, number, number, number][] = [
      // [n, p, k, P(X ≤ k)], rounded to 4 decimals in the source
      [2, 0.05, 0, 0.9025],
      [2, 0.05, 1, 0.9975],
      [2, 0.05, 2, 1.0],
      [2, 0.5, 0, 0.25],
      [2, 0.5, 1, 0.75],
      [4, 0.25, 0, 0.3164],
      [4, 0.25, 1, 0.7383],
      [4, 0.25, 2, 0.9492],
      [4, 0.25, 3, 0.9961],
      [10, 0.05, 4, 0.9999],
      [10, 0.1, 4, 0.9984],
      [10, 0.15, 4, 0.9901],
      [10, 0.2, 4, 0.9672],
      [10, 0.25, 4, 0.9219],
      [10, 0.3, 4, 0.8497],
      [10, 0.4, 4, 0.6331],
      [10, 0.5, 4, 0.377],
    ];
    for (const [n, p, k, f] of table) expect(Math.abs(binomialCdf(k, n, p) - f)).toBeLessThanOrEqual(0.00005 + 1e-15);
  });

  it('closed forms: Binomial(4, ½) has pmf (1, 4, 6, 4, 1)/16', () => {
    const exact = [1, 4, 6, 4, 1].map((c) => c / 16);
    let cum = 0;
    for (let k = 0; k <= 4; k++) {
      cum += exact[k]!;
      expect(rel(binomialPmf(k, 4, 0.5), exact[k]!)).toBeLessThan(1e-15);
      expect(rel(binomialCdf(k, 4, 0.5), cum)).toBeLessThan(1e-15);
      if (k < 4) expect(rel(binomialSf(k, 4, 0.5), 1 - cum)).toBeLessThan(1e-15);
    }
  });

  it('pmf, cdf and sf agree with brute force to 1e-12 relative, including far tails (n up to 5000)', () => {
    // p values exactly representable in binary, so the brute force sees the same p as the library
    for (const [n, p] of [[20, 0.5], [200, 0.875], [1000, 0.0625], [5000, 0.90625]] as const) {
      const t = bruteTerms(n, p);
      for (const k of [0, 1, Math.floor(n * p / 2), Math.floor(n * p), Math.min(n - 1, Math.ceil(n * p + 4 * Math.sqrt(n * p * (1 - p)))), n - 1]) {
        let lower = 0;
        for (let j = 0; j <= k; j++) lower += t[j]!;
        let upper = 0;
        for (let j = n; j > k; j--) upper += t[j]!;
        if (t[k]! > 1e-280) expect(rel(binomialPmf(k, n, p), t[k]!)).toBeLessThan(1e-12);
        if (lower > 1e-280) expect(rel(binomialCdf(k, n, p), lower)).toBeLessThan(1e-12);
        if (upper > 1e-280) expect(rel(binomialSf(k, n, p), upper)).toBeLessThan(1e-12);
      }
    }
  });

  it('cdf + sf = 1, cdf non-decreasing in k, pmf sums to 1 with mean np and variance np(1 − p)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -2, max: 305 }), (n, p, k) => {
        const c = binomialCdf(k, n, p);
        expect(Math.abs(c + binomialSf(k, n, p) - 1)).toBeLessThan(1e-13);
        expect(binomialCdf(k + 1, n, p)).toBeGreaterThanOrEqual(c - 1e-15);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
    for (const [n, p] of [[30, 0.3], [500, 0.97]] as const) {
      let m0 = 0, m1 = 0, m2 = 0;
      for (let k = 0; k <= n; k++) {
        const q = binomialPmf(k, n, p);
        m0 += q;
        m1 += k * q;
        m2 += k * k * q;
      }
      expect(Math.abs(m0 - 1)).toBeLessThan(1e-13);
      expect(rel(m1, n * p)).toBeLessThan(1e-13);
      expect(rel(m2 - m1 * m1, n * p * (1 - p))).toBeLessThan(1e-10);
    }
  });

  it('degenerate cases: p = 0, p = 1, n = 0, k off the integers or out of range', () => {
    expect(binomialPmf(0, 10, 0)).toBe(1);
    expect(binomialPmf(3, 10, 0)).toBe(0);
    expect(binomialPmf(10, 10, 1)).toBe(1);
    expect(binomialCdf(9, 10, 1)).toBe(0);
    expect(binomialSf(9, 10, 1)).toBe(1);
    expect(binomialCdf(0, 10, 0)).toBe(1);
    expect(binomialPmf(0, 0, 0.3)).toBe(1);
    expect(binomialCdf(0, 0, 0.3)).toBe(1);
    expect(binomialPmf(2.5, 10, 0.3)).toBe(0);
    expect(binomialPmf(-1, 10, 0.3)).toBe(0);
    expect(binomialPmf(11, 10, 0.3)).toBe(0);
    expect(binomialCdf(2.5, 10, 0.3)).toBe(binomialCdf(2, 10, 0.3));
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialSf(10, 10, 0.3)).toBe(0);
    // a tiny p: P(X > 0) = 1 − (1 − p)^n ≈ n·p, kept to full relative accuracy
    expect(rel(binomialSf(0, 10, 1e-20), -Math.expm1(10 * Math.log1p(-1e-20)))).toBeLessThan(1e-14);
  });

  it('bad arguments throw naming k, n or p', () => {
    expectInputError(() => binomialPmf(Number.NaN, 3, 0.5), 'k');
    expectInputError(() => binomialCdf(1, 2.5, 0.5), 'n');
    expectInputError(() => binomialSf(1, -1, 0.5), 'n');
    expectInputError(() => binomialCdf(1, 3, 1.5), 'p');
    expectInputError(() => binomialPmf(1, 3, Number.NaN), 'p');
  });
});
