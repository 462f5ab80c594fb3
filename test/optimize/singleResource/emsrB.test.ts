import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emsrA, emsrB, littlewood, expectedRevenue, optimalProtectionLevels } from '../../../src/optimize/singleResource/index.js';
import { YieldInputError, type FareClass } from '../../../src/model/index.js';
import { normalQuantile } from '../../../src/distributions/index.js';
import {
  TVR_TABLE_2_5,
  TVR_EMSR_A,
  TVR_EMSR_B,
  PHILLIPS_CH7,
  PHILLIPS_EMSR_A_TAIL,
  PHILLIPS_EMSR_B_TAIL,
  PHILLIPS_EMSR_B_UP,
  deepFreeze,
} from './fixtures.js';

/** The books' rounding convention: one decimal, cut (not rounded): 83.155 is printed 83.1. */
const cut1 = (y: number): number => Math.floor(y * 10 + 1e-9) / 10;

const normalClasses = fc
  .array(
    fc.record({
      fare: fc.integer({ min: 1, max: 2000 }),
      mean: fc.double({ min: 0, max: 80, noNaN: true }),
      sd: fc.double({ min: 0, max: 30, noNaN: true }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((cs) =>
    cs
      .sort((a, b) => b.fare - a.fare)
      .map((c): FareClass => ({ fare: c.fare, demand: { kind: 'normal', mean: c.mean, sd: c.sd } })),
  );

const poissonClasses = fc
  .array(fc.record({ fare: fc.integer({ min: 1, max: 2000 }), mean: fc.double({ min: 0, max: 30, noNaN: true }) }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((cs) =>
    cs.sort((a, b) => b.fare - a.fare).map((c): FareClass => ({ fare: c.fare, demand: { kind: 'poisson', mean: c.mean } })),
  );

function expectNonDecreasingNonNegative(ys: readonly number[]): void {
  let prev = 0;
  for (const y of ys) {
    expect(y).toBeGreaterThanOrEqual(prev);
    prev = y;
  }
}

describe('emsrB(classes, opts)', () => {
  it('reproduces Talluri & van Ryzin (2004) EMSR-b on Table 2.5: 16.7, 50.9, 83.1', () => {
    // The book prints one decimal, truncated: our exact levels cut after one decimal are the book's.
    const ys = emsrB(TVR_TABLE_2_5).protectionLevels;
    ys.forEach((y, j) => expect(cut1(y)).toBeCloseTo(TVR_EMSR_B[j]!, 9));
    // And they equal the hand formula of eq. 2.12–2.13 written out here.
    const mu = [17.3, 45.1, 39.6, 34.0];
    const sd = [5.8, 15.0, 13.2, 11.3];
    const p = [1050, 567, 534, 520];
    for (let j = 1; j < 4; j++) {
      const m = mu.slice(0, j).reduce((a, b) => a + b, 0);
      const s = Math.sqrt(sd.slice(0, j).reduce((a, b) => a + b * b, 0));
      const pbar = mu.slice(0, j).reduce((a, mk, k) => a + mk * p[k]!, 0) / m;
      expect(ys[j - 1]!).toBeCloseTo(m + s * normalQuantile(1 - p[j]! / pbar), 10);
    }
  });

  it('reproduces Phillips (2005) ch. 7 EMSR-b: y2 = 53.2, y3 = 96.8, and 10, 54, 97 rounded up', () => {
    const ys = emsrB(PHILLIPS_CH7).protectionLevels;
    expect(cut1(ys[1]!)).toBeCloseTo(PHILLIPS_EMSR_B_TAIL[0], 9);
    expect(cut1(ys[2]!)).toBeCloseTo(PHILLIPS_EMSR_B_TAIL[1], 9);
    expect(emsrB(PHILLIPS_CH7, { rounding: 'up' }).protectionLevels).toEqual([...PHILLIPS_EMSR_B_UP]);
  });

  it('equals Littlewood for two classes (normal and Poisson)', () => {
    fc.assert(
      fc.property(fc.oneof(normalClasses, poissonClasses), (cs) => {
        if (cs.length < 2) return;
        const two = cs.slice(0, 2);
        const y = emsrB(two).protectionLevels;
        expect(y).toHaveLength(1);
        const lw = two[0]!.fare > two[1]!.fare ? littlewood(two[0]!.demand, two[0]!.fare, two[1]!.fare) : 0;
        if (two[0]!.demand.kind === 'normal' && (two[0]!.demand as { mean: number }).mean === 0) expect(y[0]).toBe(0);
        else expect(y[0]).toBeCloseTo(lw, 9);
      }),
      { numRuns: 60 },
    );
  });

  it('returns non-decreasing levels ≥ 0 (normal, Poisson)', () => {
    fc.assert(
      fc.property(fc.oneof(normalClasses, poissonClasses), (cs) => {
        const ys = emsrB(cs).protectionLevels;
        expect(ys).toHaveLength(cs.length - 1);
        expectNonDecreasingNonNegative(ys);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves the levels unchanged when every fare is scaled by k', () => {
    fc.assert(
      fc.property(normalClasses, fc.double({ min: 0.01, max: 100, noNaN: true }), (cs, k) => {
        const a = emsrB(cs).protectionLevels;
        const b = emsrB(cs.map((c) => ({ ...c, fare: c.fare * k }))).protectionLevels;
        a.forEach((y, j) => expect(b[j]!).toBeCloseTo(y, 6));
      }),
      { numRuns: 40 },
    );
  });

  it('aggregates Poisson classes into one Poisson (exact sum)', () => {
    // Two Poisson classes pooled: y_2 = Littlewood(Poisson(λ1 + λ2), p̄, p3).
    const cs: FareClass[] = [
      { fare: 400, demand: { kind: 'poisson', mean: 6 } },
      { fare: 300, demand: { kind: 'poisson', mean: 9 } },
      { fare: 100, demand: { kind: 'poisson', mean: 30 } },
    ];
    const pbar = (400 * 6 + 300 * 9) / 15;
    expect(emsrB(cs).protectionLevels[1]).toBe(littlewood({ kind: 'poisson', mean: 15 }, pbar, 100));
  });

  it('pools negative-binomial and Poisson classes by exact convolution (independent pmf check)', () => {
    // NB(mean m, variance v): r = m²/(v − m), q = m/v, P(0) = q^r, P(k) = P(k − 1)·(k − 1 + r)/k·(1 − q).
    const nb = (m: number, v: number, K: number): number[] => {
      const r = (m * m) / (v - m);
      const q = m / v;
      const out = [q ** r];
      for (let k = 1; k <= K; k++) out.push((out[k - 1]! * (k - 1 + r) * (1 - q)) / k);
      return out;
    };
    const pois = (l: number, K: number): number[] => {
      const out = [Math.exp(-l)];
      for (let k = 1; k <= K; k++) out.push((out[k - 1]! * l) / k);
      return out;
    };
    const conv = (a: number[], b: number[]): number[] => {
      const out = new Array<number>(a.length + b.length - 1).fill(0);
      a.forEach((x, i) => b.forEach((y, j) => (out[i + j]! += x * y)));
      return out;
    };
    const cs: FareClass[] = [
      { fare: 300, demand: { kind: 'negative-binomial', mean: 10, variance: 25 } },
      { fare: 200, demand: { kind: 'poisson', mean: 12 } },
      { fare: 100, demand: { kind: 'negative-binomial', mean: 30, variance: 60 } },
    ];
    const S = conv(nb(10, 25, 150), pois(12, 150));
    const pbar = (300 * 10 + 200 * 12) / 22;
    const r = 100 / pbar;
    // the largest y with P(S ≥ y) > r
    let y = 0;
    let geq = 1;
    while (geq - S[y]! > r) {
      geq -= S[y]!;
      y++;
    }
    expect(emsrB(cs).protectionLevels[1]).toBe(y);
  });

  it('convolves empirical classes exactly', () => {
    // D1 ∈ {0, 1} and D2 ∈ {0, 1}, each with probability ½: S = D1 + D2 has P = ¼, ½, ¼ on 0, 1, 2.
    const half = { kind: 'empirical', probabilities: [0.5, 0.5] } as const;
    const cs: FareClass[] = [
      { fare: 100, demand: half },
      { fare: 100, demand: half },
      { fare: 30, demand: half },
    ];
    // p̄ = 100, r = 0.3: P(S ≥ 2) = 0.25 ≤ 0.3, P(S ≥ 1) = 0.75 > 0.3 → y2 = 1.
    expect(emsrB(cs).protectionLevels[1]).toBe(1);
    // r = 0.2: P(S ≥ 2) = 0.25 > 0.2 → y2 = 2.
    expect(emsrB([cs[0]!, cs[1]!, { fare: 20, demand: half }]).protectionLevels[1]).toBe(2);
  });

  it('protects nothing for classes with zero demand', () => {
    const cs: FareClass[] = [
      { fare: 300, demand: { kind: 'normal', mean: 0, sd: 0 } },
      { fare: 200, demand: { kind: 'poisson', mean: 0 } },
      { fare: 100, demand: { kind: 'normal', mean: 20, sd: 5 } },
    ];
    expect(emsrB(cs).protectionLevels).toEqual([0, 0]);
  });

  it('keeps the levels non-decreasing where raw EMSR-b would dip (documented envelope)', () => {
    const cs: FareClass[] = [
      { fare: 100, demand: { kind: 'normal', mean: 10, sd: 1 } },
      { fare: 50, demand: { kind: 'normal', mean: 1, sd: 20 } },
      { fare: 49.9, demand: { kind: 'normal', mean: 10, sd: 1 } },
    ];
    const raw2 = 11 + Math.sqrt(401) * normalQuantile(1 - 49.9 / ((1000 + 50) / 11));
    const ys = emsrB(cs).protectionLevels;
    expect(raw2).toBeLessThan(ys[0]!);
    expect(ys[1]).toBe(ys[0]);
  });

  it('caps levels at the capacity option explicitly and rounds as asked', () => {
    const ys = emsrB(TVR_TABLE_2_5, { capacity: 60, rounding: 'nearest' }).protectionLevels;
    expect(ys).toEqual([17, 51, 60]);
    const zero: FareClass[] = [
      { fare: 100, demand: { kind: 'normal', mean: 10, sd: 3 } },
      { fare: 0, demand: { kind: 'normal', mean: 10, sd: 3 } },
    ];
    expect(emsrB(zero).protectionLevels).toEqual([Infinity]);
    expect(emsrB(zero, { capacity: 50 }).protectionLevels).toEqual([50]);
  });

  it('returns no levels for a single class', () => {
    expect(emsrB([TVR_TABLE_2_5[0]!]).protectionLevels).toEqual([]);
  });

  it('does not mutate its input', () => {
    const cs = deepFreeze(structuredClone(TVR_TABLE_2_5) as FareClass[]);
    const before = structuredClone(cs);
    emsrB(cs, deepFreeze({ rounding: 'up' as const }));
    expect(cs).toEqual(before);
  });

  it('is never better than the exact optimum in exact expected revenue', () => {
    fc.assert(
      fc.property(poissonClasses, fc.integer({ min: 0, max: 40 }), (cs, C) => {
        const opt = optimalProtectionLevels(cs, C);
        const ys = emsrB(cs).protectionLevels;
        const r = expectedRevenue(ys, cs, C);
        expect(opt.expectedRevenue).toBeGreaterThanOrEqual(r - 1e-9 * Math.max(1, r));
      }),
      { numRuns: 40 },
    );
    const opt = optimalProtectionLevels(TVR_TABLE_2_5, 136);
    const r = expectedRevenue(emsrB(TVR_TABLE_2_5).protectionLevels, TVR_TABLE_2_5, 136);
    expect(opt.expectedRevenue).toBeGreaterThan(r);
  });

  it('rejects bad input naming the field', () => {
    const bad: [unknown, string][] = [
      [[], 'classes'],
      [[{ fare: Number.NaN, demand: { kind: 'poisson', mean: 1 } }], 'classes[0].fare'],
      [[{ fare: -5, demand: { kind: 'poisson', mean: 1 } }], 'classes[0].fare'],
      [
        [
          { fare: 100, demand: { kind: 'poisson', mean: 1 } },
          { fare: 200, demand: { kind: 'poisson', mean: 1 } },
        ],
        'classes[1].fare',
      ],
      [[{ fare: 100, demand: { kind: 'normal', mean: 1, sd: -2 } }], 'classes[0].demand.sd'],
      [[{ fare: 100, demand: { kind: 'normal', mean: Infinity, sd: 2 } }], 'classes[0].demand.mean'],
      [[{ fare: 100, demand: { kind: 'empirical', probabilities: [0.9, 0.9] } }], 'classes[0].demand.probabilities'],
    ];
    for (const [cs, path] of bad) {
      for (const f of [emsrA, emsrB]) {
        let err: unknown;
        try {
          f(cs as FareClass[]);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(YieldInputError);
        expect((err as YieldInputError).path).toBe(path);
      }
    }
    expect(() => emsrB(TVR_TABLE_2_5, { rounding: 'down' as never })).toThrow(/options\.rounding/);
    expect(() => emsrB(TVR_TABLE_2_5, { capacity: -1 })).toThrow(/options\.capacity/);
    expect(() => emsrB(TVR_TABLE_2_5, { capacity: 1.5 })).toThrow(/options\.capacity/);
  });
});

describe('emsrA(classes, opts)', () => {
  it('reproduces Talluri & van Ryzin (2004) EMSR-a on Table 2.5: 16.7, 38.7, 55.6', () => {
    const ys = emsrA(TVR_TABLE_2_5).protectionLevels;
    ys.forEach((y, j) => expect(cut1(y)).toBeCloseTo(TVR_EMSR_A[j]!, 9));
    // And they equal the sum of Littlewood terms (eq. 2.11) written out here.
    const mu = [17.3, 45.1, 39.6, 34.0];
    const sd = [5.8, 15.0, 13.2, 11.3];
    const p = [1050, 567, 534, 520];
    for (let j = 1; j < 4; j++) {
      let exact = 0;
      for (let k = 0; k < j; k++) exact += mu[k]! + sd[k]! * normalQuantile(1 - p[j]! / p[k]!);
      expect(ys[j - 1]!).toBeCloseTo(exact, 10);
    }
  });

  it('reproduces Phillips (2005) ch. 7 EMSR-a: y2 = 50.4, y3 = 91.6', () => {
    const ys = emsrA(PHILLIPS_CH7).protectionLevels;
    expect(cut1(ys[1]!)).toBeCloseTo(PHILLIPS_EMSR_A_TAIL[0], 9);
    expect(cut1(ys[2]!)).toBeCloseTo(PHILLIPS_EMSR_A_TAIL[1], 9);
  });

  it('agrees with EMSR-b on the first level (both are Littlewood for class 1 vs 2)', () => {
    expect(emsrA(TVR_TABLE_2_5).protectionLevels[0]).toBeCloseTo(emsrB(TVR_TABLE_2_5).protectionLevels[0]!, 12);
  });

  it('returns non-decreasing levels ≥ 0 and is unchanged by scaling fares by k', () => {
    fc.assert(
      // k = 2^m: exact scaling, so discrete (Poisson) levels cannot flip at an exact tie.
      fc.property(fc.oneof(normalClasses, poissonClasses), fc.integer({ min: -6, max: 8 }).map((m) => 2 ** m), (cs, k) => {
        const ys = emsrA(cs).protectionLevels;
        expectNonDecreasingNonNegative(ys);
        const scaled = emsrA(cs.map((c) => ({ ...c, fare: c.fare * k }))).protectionLevels;
        ys.forEach((y, j) => expect(scaled[j]!).toBeCloseTo(y, 6));
      }),
      { numRuns: 40 },
    );
  });

  it('does not mutate its input', () => {
    const cs = deepFreeze(structuredClone(PHILLIPS_CH7) as FareClass[]);
    const before = structuredClone(cs);
    emsrA(cs, { rounding: 'nearest', capacity: 100 });
    expect(cs).toEqual(before);
  });
});
