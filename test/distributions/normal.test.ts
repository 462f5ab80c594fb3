import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  normalCdf,
  normalSf,
  normalPdf,
  normalQuantile,
  normalLoss,
} from '../../src/distributions/index.js';
import { YieldInputError } from '../../src/model/errors.js';

/** Relative difference, robust at 0. */
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

/**
 * Φ(x) to 16 significant digits, from Abramowitz & Stegun (1964) Table 26.1 as re-tabulated (and
 * re-evaluated in Mathematica) in J. Burkardt's TEST_VALUES library, routine NORMAL_01_CDF_VALUES.
 * Rounding: 16 significant digits, round-half-even as printed.
 */
const AS_TABLE_26_1: readonly (readonly [number, number])[] = [
  [0.0, 0.5],
  [0.1, 0.539827837277029],
  [0.2, 0.579259709439103],
  [0.3, 0.6179114221889526],
  [0.4, 0.6554217416103242],
  [0.5, 0.6914624612740131],
  [0.6, 0.725746882249927],
  [0.7, 0.758036347776927],
  [0.8, 0.7881446014166033],
  [0.9, 0.8159398746532405],
  [1.0, 0.8413447460685429],
  [1.5, 0.9331927987311419],
  [2.0, 0.9772498680518208],
  [2.5, 0.9937903346742239],
  [3.0, 0.9986501019683699],
  [3.5, 0.9997673709209645],
  [4.0, 0.9999683287581669],
];

describe('normalCdf / normalSf / normalPdf', () => {
  it('normalCdf(z) reproduces Abramowitz & Stegun Table 26.1 to 16 digits', () => {
    for (const [z, p] of AS_TABLE_26_1) {
      expect(rel(normalCdf(z), p)).toBeLessThan(1.5e-15);
      // symmetry: Φ(−z) = 1 − Φ(z); the lower tail is computed directly, compare with the table complement
      // tolerance: the 16th digit of the table (its x = 0.6 entry ends …9270 where Φ(0.6) = 0.72574688224992641…)
      expect(Math.abs(normalCdf(-z) - (1 - p))).toBeLessThan(7e-16);
    }
  });

  it('normalSf(z) keeps full relative accuracy in the far tail (published tail areas)', () => {
    // Q(x) = 1 − Φ(x) = ½·erfc(x/√2) in the far tail, rounded to 16 significant digits from a
    // 30-digit arbitrary-precision evaluation (mpmath 1.3, erfc at 40 decimal digits), which shares
    // nothing with Cody's rational approximations; Q(5) and Q(10) are also the classic textbook values.
    const cases: readonly [number, number][] = [
      [5, 2.866515718791939e-7],
      [10, 7.619853024160526e-24],
      [20, 2.753624118606234e-89],
      [30, 4.906713927148187e-198],
    ];
    for (const [z, q] of cases) {
      expect(rel(normalSf(z), q)).toBeLessThan(2e-15);
      expect(rel(normalCdf(-z), q)).toBeLessThan(2e-15);
    }
  });

  it('normalSf(z) tracks the Mills-ratio asymptotic series φ(z)/z·(1 − 1/z² + 3/z⁴ − 15/z⁶ + 105/z⁸) for large z', () => {
    // An independent check, different in kind from Cody's rational functions: the series is
    // alternating, so its error is below the first omitted term, 945/z¹⁰ (1e-11 at z = 25).
    for (const z of [25, 27.5, 30, 33, 36]) {
      const t = 1 / (z * z);
      const series = (normalPdf(z) / z) * (1 - t + 3 * t * t - 15 * t ** 3 + 105 * t ** 4);
      expect(rel(normalSf(z), series)).toBeLessThan(1e-11);
    }
  });

  it('normalPdf(z) is e^(−z²/2)/√(2π) and underflows to 0, never NaN', () => {
    expect(normalPdf(0)).toBe(0.3989422804014327);
    expect(rel(normalPdf(1), 0.24197072451914337)).toBeLessThan(1e-15); // A&S Table 26.1, Z(1)
    expect(rel(normalPdf(3), 0.0044318484119380075)).toBeLessThan(1e-15); // A&S Table 26.1, Z(3)
    expect(normalPdf(-3)).toBe(normalPdf(3));
    expect(normalPdf(50)).toBe(0);
    expect(normalPdf(Infinity)).toBe(0);
  });

  it('normalCdf(±Infinity) is 0 and 1, normalSf the reverse', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalSf(-Infinity)).toBe(1);
    expect(normalSf(Infinity)).toBe(0);
  });

  it('normalCdf(z) + normalSf(z) = 1 and Φ(−z) = Q(z) (symmetry), for any z', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
        expect(Math.abs(normalCdf(z) + normalSf(z) - 1)).toBeLessThan(4e-16);
        expect(normalCdf(-z)).toBe(normalSf(z));
      }),
      { numRuns: 300 },
    );
  });

  it('normalCdf is non-decreasing and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (z, h) => {
        const a = normalCdf(z);
        const b = normalCdf(z + h);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
        expect(b).toBeGreaterThanOrEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('bad input (NaN, non-numbers) throws YieldInputError naming z', () => {
    for (const f of [normalCdf, normalSf, normalPdf, normalLoss]) {
      expect(() => f(Number.NaN)).toThrowError(YieldInputError);
      try {
        f(Number.NaN);
      } catch (e) {
        expect((e as YieldInputError).path).toBe('z');
      }
      expect(() => f('1' as unknown as number)).toThrowError(YieldInputError);
    }
  });
});

describe('normalQuantile', () => {
  it('normalQuantile(p) reproduces the published test values of Wichura (1988), AS 241', () => {
    // Wichura's algorithm is distributed with the check values PPND16(0.25) = −0.6744897501960817,
    // PPND16(0.001) = −3.090232306167814 and PPND16(1e−20) = −9.262340089798408 (16 digits); they agree
    // with 30-digit evaluations of √2·erfc⁻¹(2p) to the last digit.
    expect(rel(normalQuantile(0.25), -0.6744897501960817)).toBeLessThan(1e-15);
    expect(rel(normalQuantile(0.001), -3.090232306167814)).toBeLessThan(1e-15);
    expect(rel(normalQuantile(1e-20), -9.262340089798408)).toBeLessThan(1e-15);
  });

  it('normalQuantile inverts the A&S Table 26.1 values', () => {
    for (const [z, p] of AS_TABLE_26_1) {
      if (z === 0) {
        expect(normalQuantile(p)).toBe(0);
        continue;
      }
      // the table's p is rounded to 16 digits and stored in binary: error in z ≤ (p rounding) / φ(z)
      const tol = 2.3e-16 / normalPdf(z) + 2e-15 * z; // p's last-digit rounding + its binary ulp near 1
      expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(tol);
    }
  });

  it('normalQuantile(0.975) is the textbook 1.959963984540054 and normalQuantile(p) = −normalQuantile(1 − p)', () => {
    expect(rel(normalQuantile(0.975), 1.959963984540054)).toBeLessThan(1e-15);
    expect(normalQuantile(0.5)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        // 1 − p is exact for p in [0.25, 0.5]; elsewhere compare at the rounded complement
        const c = 1 - p;
        const back = 1 - c; // the p that c really represents
        expect(rel(normalQuantile(c), -normalQuantile(back))).toBeLessThan(1e-14);
      }),
      { numRuns: 200 },
    );
  });

  it('normalQuantile(normalCdf(z)) ≈ z (relative 1e-14 in the body, tail-limited by the p grid)', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (z) => {
        const p = normalCdf(z);
        const back = normalQuantile(p);
        // dz = dp / φ(z); p carries a relative error ~2e-16 (z < 0) or an absolute one ~1.1e-16 (z > 0)
        const dp = z < 0 ? 4e-16 * p : 2.3e-16;
        const tol = dp / normalPdf(z) + 1e-14 * Math.abs(z) + 1e-300;
        expect(Math.abs(back - z)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 300 },
    );
  });

  it('normalQuantile(0) = −Infinity, normalQuantile(1) = +Infinity', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('p outside [0, 1] or NaN throws YieldInputError naming p', () => {
    for (const p of [-0.1, 1.0000001, Number.NaN, Infinity]) {
      try {
        normalQuantile(p);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(YieldInputError);
        expect((e as YieldInputError).path).toBe('p');
      }
    }
  });
});

describe('normalLoss', () => {
  it('normalLoss(z) matches the published "Z-Chart & Loss Function" table (3 decimals)', () => {
    // Cachon & Terwiesch, Matching Supply with Demand, Appendix "Z-Chart & Loss Function" (as posted at
    // https://www.managementpedia.com/threads/z-chart-and-loss-function.351104/): L(Z) rounded to 3 decimals.
    const table: readonly [number, number][] = [
      [-3.0, 3.0], [-2.6, 2.601], [-2.0, 2.008], [-1.6, 1.623], [-1.28, 1.327], [-1.0, 1.083],
      [-0.8, 0.92], [-0.6, 0.769], [-0.4, 0.63], [-0.2, 0.507], [-0.04, 0.419], [0.0, 0.399],
    ];
    for (const [z, l] of table) expect(Math.abs(normalLoss(z) - l)).toBeLessThanOrEqual(0.0005 + 1e-12);
    // and the positive side through L(z) = L(−z) − z: L(1) = 1.083 − 1 = 0.083, L(2) = 2.008 − 2 = 0.008
    expect(normalLoss(1)).toBeCloseTo(0.083, 3);
    expect(normalLoss(2)).toBeCloseTo(0.008, 3);
  });

  it('normalLoss(z) = φ(z) − z·Q(z) with φ and Q from A&S Table 26.1 (16 digits)', () => {
    expect(normalLoss(0)).toBe(normalPdf(0));
    // Z(1) = 0.2419707245191434, Q(1) = 1 − 0.8413447460685429
    expect(rel(normalLoss(1), 0.2419707245191434 - (1 - 0.8413447460685429))).toBeLessThan(1e-14);
    // Z(3) = 0.004431848411938008, Q(3) = 1 − 0.9986501019683699 (cancellation in the check: 1e-12)
    expect(rel(normalLoss(3), 0.004431848411938008 - 3 * (1 - 0.9986501019683699))).toBeLessThan(1e-12);
  });

  it('normalLoss(z) = normalLoss(−z) − z (the identity L(z) − L(−z) = −z)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        expect(Math.abs(normalLoss(z) - (normalLoss(-z) - z))).toBeLessThan(1e-14 * (1 + Math.abs(z)));
      }),
      { numRuns: 300 },
    );
  });

  it('normalLoss(z) keeps relative accuracy for large z (no cancellation): asymptotic series check', () => {
    // L(z) = φ(z)/z²·(1 − 3/z² + 15/z⁴ − 105/z⁶ + 945/z⁸ − …), error below the next term 10395/z¹⁰.
    for (const z of [25, 30, 35]) {
      const t = 1 / (z * z);
      const series = normalPdf(z) * t * (1 - 3 * t + 15 * t * t - 105 * t ** 3 + 945 * t ** 4);
      expect(rel(normalLoss(z), series)).toBeLessThan(20000 * t ** 5);
      expect(normalLoss(z)).toBeGreaterThan(0);
    }
    expect(normalLoss(40)).toBe(0);
    expect(normalLoss(Infinity)).toBe(0);
    expect(normalLoss(-Infinity)).toBe(Infinity);
  });

  it('normalLoss(z) equals a numerical integral of Q(t) from z to ∞ (independent quadrature)', () => {
    // L(z) = ∫_z^∞ (1 − Φ(t)) dt; composite Simpson on [z, z + 14] with 20000 panels (Simpson error ≈ 1e-13 relative here).
    for (const z of [-2, -0.5, 0, 0.7, 1.5, 3, 5, 6]) {
      const n = 20000;
      const h = 14 / n;
      let s = normalSf(z) + normalSf(z + 14);
      for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * normalSf(z + i * h);
      const integral = (s * h) / 3;
      expect(rel(normalLoss(z), integral)).toBeLessThan(1e-11);
    }
  });

  it('normalLoss is non-increasing and convex', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: 1e-3, max: 2, noNaN: true }), (z, h) => {
        const a = normalLoss(z - h);
        const b = normalLoss(z);
        const c = normalLoss(z + h);
        expect(b).toBeLessThanOrEqual(a);
        expect(c).toBeLessThanOrEqual(b);
        expect(a + c - 2 * b).toBeGreaterThanOrEqual(-1e-12 * (1 + Math.abs(z)));
      }),
      { numRuns: 300 },
    );
  });
});
