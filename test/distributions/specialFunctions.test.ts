import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logGamma, regularizedBeta, regularizedGammaP, regularizedGammaQ } from '../../src/distributions/index.js';
import { expectInputError, rel } from './helpers.js';

describe('logGamma', () => {
  it('logGamma(x) reproduces the published table (A&S 6.1 / Burkardt GAMMA_LOG_VALUES, 16 digits)', () => {
    // [x, ln Γ(x)]; below x = 10 the documented accuracy is absolute (≤ 6e-15: the argument is shifted
    // up to 10 and ln of the shift product, ≈ 13, subtracted), above it relative.
    const table: readonly [number, number][] = [
      [0.2, 1.524063822430784],
      [0.4, 0.7966778177017837],
      [0.6, 0.3982338580692348],
      [0.8, 0.1520596783998375],
      [1.0, 0],
      [1.1, -0.04987244125983972],
      [1.2, -0.08537409000331584],
      [1.3, -0.1081748095078604],
      [1.4, -0.1196129141723712],
      [1.5, -0.1207822376352452],
      [1.6, -0.1125917656967557],
      [1.7, -0.09580769740706586],
      [1.8, -0.07108387291437216],
      [1.9, -0.03898427592308333],
      [2.0, 0],
      [3.0, 0.6931471805599453],
      [4.0, 1.791759469228055],
      [10.0, 12.801827480081469],
      [20.0, 39.339884187199494],
      [30.0, 71.257038967168009],
    ];
    for (const [x, f] of table) expect(Math.abs(logGamma(x) - f)).toBeLessThanOrEqual(6e-15 * Math.max(1, Math.abs(f)));
  });

  it('logGamma(½) = ln √π and logGamma(n + 1) = ln n! for large n (Stirling branch vs exact factorials)', () => {
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(6e-15);
    // ln 170! from the running product vs the Stirling branch just above (171.5 uses the series)
    let lf = 0;
    for (let k = 2; k <= 200; k++) lf += Math.log(k);
    expect(rel(logGamma(201), lf)).toBeLessThan(1e-14); // summing 199 logs: ~1e-15 relative
  });

  it('logGamma satisfies Γ(x + 1) = x·Γ(x) in logs, for any x > 0', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        const rhs = logGamma(x) + Math.log(x);
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(lhs)) + 2e-15);
      }),
      { numRuns: 300 },
    );
  });

  it('logGamma rejects x ≤ 0 and NaN, naming x', () => {
    expectInputError(() => logGamma(0), 'x');
    expectInputError(() => logGamma(-1.5), 'x');
    expectInputError(() => logGamma(Number.NaN), 'x');
  });
});

describe('regularizedGammaP / regularizedGammaQ', () => {
  it('P(a, x) reproduces the published table (A&S 6.5 / Burkardt GAMMA_INC_VALUES, 16 digits)', () => {
    const table: readonly [number, number, number][] = [
      [0.1, 0.03, 0.7382350532339351],
      [0.1, 0.3, 0.9083579897300343],
      [0.1, 1.5, 0.9886559833621947],
      [0.5, 0.075, 0.3014646416966613],
      [0.5, 0.75, 0.7793286380801532],
      [0.5, 3.5, 0.9918490284064973],
      [1.0, 0.1, 0.09516258196404043],
      [1.0, 1.0, 0.6321205588285577],
      [1.0, 5.0, 0.9932620530009145],
      [1.1, 0.1, 0.07205974576054322],
      [1.1, 1.0, 0.5891809618706485],
      [1.1, 5.0, 0.9915368159845525],
      [2.0, 0.15, 0.01018582711118352],
      [2.0, 1.5, 0.4421745996289254],
      [2.0, 7.0, 0.9927049442755639],
      [6.0, 2.5, 0.04202103819530612],
      [6.0, 12.0, 0.9796589705830716],
      [11.0, 16.0, 0.9226039842296429],
      [26.0, 25.0, 0.4470785799755852],
      [41.0, 45.0, 0.7444549220718699],
    ];
    for (const [a, x, f] of table) {
      expect(rel(regularizedGammaP(a, x), f)).toBeLessThan(3e-15);
      expect(Math.abs(regularizedGammaQ(a, x) - (1 - f))).toBeLessThan(3e-15);
    }
  });

  it('closed forms: P(1, x) = 1 − e^(−x) and Q(½, x) = erfc(√x) in both tails', () => {
    for (const x of [1e-8, 0.01, 0.5, 3, 30, 300]) {
      expect(rel(regularizedGammaP(1, x), -Math.expm1(-x))).toBeLessThan(5e-15);
      expect(rel(regularizedGammaQ(1, x), Math.exp(-x))).toBeLessThan(5e-15);
    }
    // Q(½, x) = erfc(√x); erfc(√30) ≈ e^(−30)/√(30π)·(1 − 1/60 + 3/3600 − 15/216000 + 105/12960000): series
    const x = 30;
    const t = 1 / (2 * x);
    const series = (Math.exp(-x) / Math.sqrt(Math.PI * x)) * (1 - t + 3 * t * t - 15 * t ** 3 + 105 * t ** 4);
    expect(rel(regularizedGammaQ(0.5, x), series)).toBeLessThan(945 * t ** 5 + 1e-14);
  });

  it('P(n, x) = P(Poisson(x) ≥ n): agrees with brute-force sums of Poisson terms, far tails included', () => {
    // independent: terms x^k e^(−x)/k! by recurrence from k = 0 (x small enough not to underflow)
    for (const x of [0.5, 7, 40]) {
      const terms: number[] = [Math.exp(-x)];
      for (let k = 1; k <= 400; k++) terms.push((terms[k - 1]! * x) / k);
      for (const n of [1, 2, 5, 10, 30, 60, 120]) {
        let upper = 0; // P(D ≥ n) = Σ_{k ≥ n}, small terms first
        for (let k = 400; k >= n; k--) upper += terms[k]!;
        let lower = 0;
        for (let k = 0; k < n; k++) lower += terms[k]!;
        if (upper > 1e-300) expect(rel(regularizedGammaP(n, x), upper)).toBeLessThan(1e-13);
        if (lower > 1e-300) expect(rel(regularizedGammaQ(n, x), lower)).toBeLessThan(1e-13);
      }
    }
  });

  it('P + Q = 1, both in [0, 1], P non-decreasing in x', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 2e4, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (a, x, h) => {
          const p = regularizedGammaP(a, x);
          const q = regularizedGammaQ(a, x);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(q).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(Math.abs(p + q - 1)).toBeLessThan(1e-14);
          expect(regularizedGammaP(a, x + h)).toBeGreaterThanOrEqual(p - 1e-15);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('edge values: x = 0 and x = ∞; bad a or x throw naming the argument', () => {
    expect(regularizedGammaP(3, 0)).toBe(0);
    expect(regularizedGammaQ(3, 0)).toBe(1);
    expect(regularizedGammaP(3, Infinity)).toBe(1);
    expect(regularizedGammaQ(3, Infinity)).toBe(0);
    expectInputError(() => regularizedGammaP(0, 1), 'a');
    expectInputError(() => regularizedGammaP(Infinity, 1), 'a');
    expectInputError(() => regularizedGammaQ(1, -1), 'x');
    expectInputError(() => regularizedGammaQ(1, Number.NaN), 'x');
  });
});

describe('regularizedBeta', () => {
  it('I_x(a, b) reproduces the published table (Pearson 1968 / A&S 26.5 / Burkardt BETA_INC_VALUES)', () => {
    // [a, b, x, I_x(a, b)], 16 digits (the last three rows carry 6-digit x and 15 digits of I)
    const table: readonly [number, number, number, number][] = [
      [0.5, 0.5, 0.01, 0.06376856085851985],
      [0.5, 0.5, 0.1, 0.2048327646991335],
      [0.5, 0.5, 1.0, 1],
      [1.0, 0.5, 0.0, 0],
      [1.0, 0.5, 0.01, 0.005012562893380045],
      [1.0, 0.5, 0.1, 0.0513167019494862],
      [1.0, 0.5, 0.5, 0.2928932188134525],
      [1.0, 1.0, 0.5, 0.5],
      [2.0, 2.0, 0.1, 0.028],
      [2.0, 2.0, 0.2, 0.104],
      [2.0, 2.0, 0.3, 0.216],
      [2.0, 2.0, 0.4, 0.352],
      [2.0, 2.0, 0.5, 0.5],
      [2.0, 2.0, 0.6, 0.648],
      [2.0, 2.0, 0.7, 0.784],
      [2.0, 2.0, 0.8, 0.896],
      [2.0, 2.0, 0.9, 0.972],
      [5.5, 5.0, 0.5, 0.4361908850559777],
      [10.0, 0.5, 0.9, 0.1516409096347099],
      [10.0, 5.0, 0.5, 0.08978271484375],
      [10.0, 5.0, 1.0, 1],
      [10.0, 10.0, 0.5, 0.5],
      [20.0, 5.0, 0.8, 0.4598773297575791],
      [20.0, 10.0, 0.6, 0.2146816102371739],
      [20.0, 10.0, 0.8, 0.9507364826957875],
      [20.0, 20.0, 0.5, 0.5],
      [20.0, 20.0, 0.6, 0.8979413687105918],
      [30.0, 10.0, 0.7, 0.2241297491808366],
      [30.0, 10.0, 0.8, 0.7586405487192086],
      [40.0, 20.0, 0.7, 0.7001783247477069],
      [1.0, 0.5, 0.1, 0.0513167019494862],
      [1.0, 0.5, 0.2, 0.1055728090000841],
      [1.0, 0.5, 0.3, 0.1633399734659245],
      [1.0, 0.5, 0.4, 0.2254033307585166],
      [1.0, 2.0, 0.2, 0.36],
      [1.0, 3.0, 0.2, 0.488],
      [1.0, 4.0, 0.2, 0.5904],
      [1.0, 5.0, 0.2, 0.67232],
      [2.0, 2.0, 0.3, 0.216],
      [3.0, 2.0, 0.3, 0.0837],
      [4.0, 2.0, 0.3, 0.03078],
      [5.0, 2.0, 0.3, 0.010935],
      [1.30625, 11.7562, 0.225609, 0.918884684620518],
      [1.30625, 11.7562, 0.0335568, 0.21052977489419],
      [1.30625, 11.7562, 0.0295222, 0.1824130512500673],
    ];
    for (const [a, b, x, f] of table) {
      const got = regularizedBeta(x, a, b);
      expect(Math.abs(got - f)).toBeLessThanOrEqual(2e-14 * Math.abs(f) + 1e-15);
    }
  });

  it('I_x(a, b) = 1 − I_{1−x}(b, a) and I_x(1, b) = 1 − (1 − x)^b', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        (x, a, b) => {
          const y = 1 - x;
          const back = 1 - y; // the x that y represents exactly
          expect(Math.abs(regularizedBeta(back, a, b) + regularizedBeta(y, b, a) - 1)).toBeLessThan(1e-13);
        },
      ),
      { numRuns: 200 },
    );
    for (const [x, b] of [[0.2, 3], [0.01, 0.5], [0.9, 7.5]] as const)
      expect(rel(regularizedBeta(x, 1, b), -Math.expm1(b * Math.log1p(-x)))).toBeLessThan(1e-14);
  });

  it('bad arguments throw naming x, a or b', () => {
    expectInputError(() => regularizedBeta(1.1, 1, 1), 'x');
    expectInputError(() => regularizedBeta(Number.NaN, 1, 1), 'x');
    expectInputError(() => regularizedBeta(0.5, 0, 1), 'a');
    expectInputError(() => regularizedBeta(0.5, 1, -2), 'b');
  });
});
