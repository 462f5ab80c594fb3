import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  optimalProtectionLevels,
  expectedRevenue,
  littlewood,
  emsrB,
  emsrA,
  dynamicProgram,
} from '../../../src/optimize/singleResource/index.js';
import { YieldInputError, type FareClass } from '../../../src/model/index.js';
import { mulberry32 } from '../../../src/internal/rng.js';
import { TVR_TABLE_2_5, deepFreeze } from './fixtures.js';

/** Binomial(n, q) pmf, by the product formula, written here independently of the library. */
function binomialPmf(n: number, q: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= n; k++) {
    let c = 1;
    for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
    out.push(c * q ** k * (1 - q) ** (n - k));
  }
  return out;
}

/** Small random instances: 1–3 classes with empirical demand on 0..5, capacity 0..6. */
const smallInstance = fc
  .record({
    classes: fc.array(
      fc.record({
        fare: fc.integer({ min: 1, max: 500 }),
        w: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 6 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    C: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ classes, C }) => ({
    C,
    classes: classes
      .sort((a, b) => b.fare - a.fare)
      .map((c): FareClass => {
        const w = c.w.some((x) => x > 0) ? c.w : [1];
        const s = w.reduce((a, b) => a + b, 0);
        const ps = w.map((x) => x / s);
        ps[ps.length - 1] = Math.max(0, 1 - ps.slice(0, -1).reduce((a, b) => a + b, 0));
        return { fare: c.fare, demand: { kind: 'empirical', probabilities: ps } };
      }),
  }));

/** Every non-decreasing vector of n − 1 levels in 0..C. */
function* allLevels(n: number, C: number, from = 0): Generator<number[]> {
  if (n <= 1) {
    yield [];
    return;
  }
  for (let y = from; y <= C; y++) for (const rest of allLevels(n - 1, C, y)) yield [y, ...rest];
}

/** Monte Carlo of a nested policy, low-to-high arrivals, demand sampled by inversion. */
function simulate(levels: number[], classes: readonly FareClass[], C: number, runs: number, seed: number): { mean: number; se: number } {
  const rng = mulberry32(seed);
  const draw = (ps: readonly number[]): number => {
    const u = rng();
    let acc = 0;
    for (let k = 0; k < ps.length; k++) {
      acc += ps[k]!;
      if (u < acc) return k;
    }
    return ps.length - 1;
  };
  let s = 0;
  let s2 = 0;
  for (let r = 0; r < runs; r++) {
    let x = C;
    let rev = 0;
    for (let j = classes.length - 1; j >= 0; j--) {
      const d = draw((classes[j]!.demand as { readonly probabilities: readonly number[] }).probabilities);
      const limit = j === 0 ? x : Math.max(0, x - Math.ceil(levels[j - 1]!));
      const sold = Math.min(d, limit);
      rev += sold * classes[j]!.fare;
      x -= sold;
    }
    s += rev;
    s2 += rev * rev;
  }
  const mean = s / runs;
  return { mean, se: Math.sqrt((s2 / runs - mean * mean) / runs) };
}

describe('optimalProtectionLevels(classes, capacity)', () => {
  it('protects 1 of 2 units for a 50 % chance at 100 against a sure 40 (hand-computed)', () => {
    const classes: FareClass[] = [
      { fare: 100, demand: { kind: 'empirical', probabilities: [0.5, 0.5] } },
      { fare: 40, demand: { kind: 'empirical', probabilities: [0, 0, 1] } },
    ];
    // Protect 0: 80. Protect 1: 40 + 0.5·100 = 90. Protect 2: 0.5·100 = 50.
    expect(optimalProtectionLevels(classes, 2)).toEqual({ protectionLevels: [1], expectedRevenue: 90 });
  });

  it('finds the best nested policy: brute force over every level vector gives the same revenue', () => {
    fc.assert(
      fc.property(smallInstance, ({ classes, C }) => {
        const opt = optimalProtectionLevels(classes, C);
        let best = -Infinity;
        for (const ys of allLevels(classes.length, C)) best = Math.max(best, expectedRevenue(ys, classes, C));
        expect(opt.expectedRevenue).toBeCloseTo(best, 9);
        expect(expectedRevenue(opt.protectionLevels, classes, C)).toBeCloseTo(opt.expectedRevenue, 9);
      }),
      { numRuns: 40 },
    );
  });

  it('equals Littlewood for two Poisson classes when capacity is not binding', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 25, noNaN: true }), fc.integer({ min: 2, max: 1000 }), fc.integer({ min: 1, max: 999 }), (lambda, p1, p2raw) => {
        const p2 = Math.min(p2raw, p1 - 1);
        const classes: FareClass[] = [
          { fare: p1, demand: { kind: 'poisson', mean: lambda } },
          { fare: p2, demand: { kind: 'poisson', mean: 200 } },
        ];
        expect(optimalProtectionLevels(classes, 120).protectionLevels[0]).toBe(littlewood(classes[0]!.demand, p1, p2));
      }),
      { numRuns: 30 },
    );
  });

  it('matches the dynamic program when each class arrives in its own block of periods (low to high)', () => {
    // Class 3 for 30 periods (λ = 0.6), then class 2 for 25 (λ = 0.5), then class 1 for 20 (λ = 0.4):
    // the static model with Binomial(periods, λ) demands is then the same problem as the dynamic one.
    const fares = [300, 180, 100];
    const blocks = [
      { cls: 2, periods: 30, lambda: 0.6 },
      { cls: 1, periods: 25, lambda: 0.5 },
      { cls: 0, periods: 20, lambda: 0.4 },
    ];
    const rows: number[][] = [];
    for (const b of blocks) for (let k = 0; k < b.periods; k++) rows.push(fares.map((_, i) => (i === b.cls ? b.lambda : 0)));
    const C = 30;
    const dp = dynamicProgram({ capacity: C, fares, arrivalProbabilities: rows, periods: rows.length });
    const classes: FareClass[] = fares.map((fare, i) => {
      const b = blocks.find((x) => x.cls === i)!;
      return { fare, demand: { kind: 'empirical', probabilities: binomialPmf(b.periods, b.lambda) } };
    });
    const st = optimalProtectionLevels(classes, C);
    expect(dp.expectedRevenue).toBeCloseTo(st.expectedRevenue, 8);
    // During class 2's block (t = 21..45 periods to go) the dynamic protection for class 1 is y_1.
    expect(dp.protectionLevels(30)[0]).toBe(st.protectionLevels[0]);
    // During class 3's block the protection for classes 1–2 is y_2.
    expect(dp.protectionLevels(60)[1]).toBe(st.protectionLevels[1]);
  });

  it('returns whole, non-decreasing levels within [0, C], and scales revenue by k with fares', () => {
    fc.assert(
      // k = 2^m scales every floating-point operation exactly, so decisions at exact ties cannot flip.
      fc.property(smallInstance, fc.integer({ min: -6, max: 8 }).map((m) => 2 ** m), ({ classes, C }, k) => {
        const a = optimalProtectionLevels(classes, C);
        let prev = 0;
        for (const y of a.protectionLevels) {
          expect(Number.isInteger(y)).toBe(true);
          expect(y).toBeGreaterThanOrEqual(prev);
          expect(y).toBeLessThanOrEqual(C);
          prev = y;
        }
        const b = optimalProtectionLevels(classes.map((c) => ({ ...c, fare: c.fare * k })), C);
        expect(b.protectionLevels).toEqual(a.protectionLevels);
        expect(b.expectedRevenue).toBeCloseTo(a.expectedRevenue * k, 6);
      }),
      { numRuns: 40 },
    );
  });

  it('is non-decreasing and concave in capacity', () => {
    fc.assert(
      fc.property(smallInstance, ({ classes }) => {
        const v = Array.from({ length: 9 }, (_, C) => optimalProtectionLevels(classes, C).expectedRevenue);
        for (let C = 1; C < v.length; C++) expect(v[C]! - v[C - 1]!).toBeGreaterThanOrEqual(-1e-9);
        for (let C = 2; C < v.length; C++) expect(v[C]! - v[C - 1]!).toBeLessThanOrEqual(v[C - 1]! - v[C - 2]! + 1e-9);
      }),
      { numRuns: 30 },
    );
  });

  it('beats EMSR-a and EMSR-b on Talluri & van Ryzin Table 2.5 (normal demand discretised), C = 100', () => {
    const opt = optimalProtectionLevels(TVR_TABLE_2_5, 100);
    const b = expectedRevenue(emsrB(TVR_TABLE_2_5).protectionLevels, TVR_TABLE_2_5, 100);
    const a = expectedRevenue(emsrA(TVR_TABLE_2_5).protectionLevels, TVR_TABLE_2_5, 100);
    expect(opt.expectedRevenue).toBeGreaterThanOrEqual(b);
    expect(opt.expectedRevenue).toBeGreaterThanOrEqual(a);
    // A loose sanity bound: EMSR-b is a near-optimal heuristic for low-to-high arrivals.
    expect(b / opt.expectedRevenue).toBeGreaterThan(0.99);
  });

  it('does not mutate its input', () => {
    const cs = deepFreeze(structuredClone(TVR_TABLE_2_5) as FareClass[]);
    optimalProtectionLevels(cs, 50);
    expect(cs).toEqual(TVR_TABLE_2_5);
  });

  it('rejects bad input naming the field', () => {
    expect(() => optimalProtectionLevels(TVR_TABLE_2_5, -1)).toThrowError(YieldInputError);
    expect(() => optimalProtectionLevels(TVR_TABLE_2_5, 10.5)).toThrow(/^capacity/);
    expect(() => optimalProtectionLevels([], 10)).toThrow(/^classes/);
    expect(() =>
      optimalProtectionLevels([{ fare: 10, demand: { kind: 'poisson', mean: -2 } }], 10),
    ).toThrow(/classes\[0\]\.demand\.mean/);
  });
});

describe('expectedRevenue(protectionLevels, classes, capacity)', () => {
  it('agrees with a Monte Carlo simulation of the nested policy (within 4 standard errors)', () => {
    const classes: FareClass[] = [
      { fare: 250, demand: { kind: 'empirical', probabilities: [0.1, 0.2, 0.3, 0.2, 0.1, 0.1] } },
      { fare: 140, demand: { kind: 'empirical', probabilities: [0, 0.2, 0.2, 0.2, 0.2, 0.2] } },
      { fare: 90, demand: { kind: 'empirical', probabilities: [0, 0, 0.5, 0, 0, 0, 0.5] } },
    ];
    const ys = [2, 4];
    const exact = expectedRevenue(ys, classes, 7);
    const mc = simulate(ys, classes, 7, 40_000, 7);
    expect(Math.abs(mc.mean - exact)).toBeLessThan(4 * mc.se);
  });

  it('treats fractional levels as rounded up and levels above capacity as closing the class', () => {
    const classes: FareClass[] = [
      { fare: 100, demand: { kind: 'poisson', mean: 3 } },
      { fare: 50, demand: { kind: 'poisson', mean: 10 } },
    ];
    expect(expectedRevenue([2.3], classes, 8)).toBeCloseTo(expectedRevenue([3], classes, 8), 12);
    expect(expectedRevenue([9], classes, 8)).toBeCloseTo(expectedRevenue([Infinity], classes, 8), 12);
    expect(expectedRevenue([8], classes, 8)).toBeCloseTo(expectedRevenue([Infinity], classes, 8), 12);
  });

  it('rejects levels of the wrong length or out of order', () => {
    expect(() => expectedRevenue([1, 2], TVR_TABLE_2_5, 10)).toThrow(/^protectionLevels/);
    expect(() => expectedRevenue([3, 2, 1], TVR_TABLE_2_5, 10)).toThrow(/protectionLevels\[1\]/);
    expect(() => expectedRevenue([1, 2, 3], TVR_TABLE_2_5, Number.NaN)).toThrow(/^capacity/);
  });
});
