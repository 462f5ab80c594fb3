import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dynamicPricing } from '../../src/pricing/index.js';
import { deepFreeze, expectInputError } from './helpers.js';

/**
 * Independent recursion: V(t, x) as the expectation over "sale / no sale" written top-down with a memo
 * (not the library's ΔV form), maximising over the menu in its given order.
 */
function bruteValue(prices: number[], q: number[], t: number, x: number, memo = new Map<string, number>()): number {
  if (t === 0 || x === 0) return 0;
  const key = `${t},${x}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let best = -Infinity;
  for (let i = 0; i < prices.length; i++) {
    const v = q[i]! * (prices[i]! + bruteValue(prices, q, t - 1, x - 1, memo)) + (1 - q[i]!) * bruteValue(prices, q, t - 1, x, memo);
    best = Math.max(best, v);
  }
  memo.set(key, best);
  return best;
}

/** Exact expected revenue of the DP's own price(t, x) policy, pushing the distribution of units left forward. */
function policyRevenue(dp: ReturnType<typeof dynamicPricing>, prices: number[], q: number[], T: number, C: number): number {
  let dist = new Array<number>(C + 1).fill(0);
  dist[C] = 1;
  let rev = 0;
  for (let t = T; t >= 1; t--) {
    const next = new Array<number>(C + 1).fill(0);
    next[0] = dist[0]!;
    for (let x = 1; x <= C; x++) {
      const p = dp.price(t, x);
      const qi = q[prices.indexOf(p)]!;
      rev += dist[x]! * qi * p;
      next[x - 1]! += dist[x]! * qi;
      next[x]! += dist[x]! * (1 - qi);
    }
    dist = next;
  }
  return rev;
}

/** A menu with purchase probabilities non-increasing in price (a proper demand curve). */
const arbMenu = fc
  .uniqueArray(fc.tuple(fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
    minLength: 1,
    maxLength: 6,
    selector: (t) => t[0],
  })
  .map((pairs) => {
    const ps = pairs.map((p) => p[0]).sort((a, b) => b - a);
    const qs = pairs.map((p) => p[1]).sort((a, b) => a - b);
    return { prices: ps, purchaseProbabilities: qs };
  });

describe('dynamicPricing', () => {
  it('worked example by hand: one unit, two periods, menu 100 @ 0.3 and 60 @ 0.8', () => {
    // V_1(1) = max(0.3·100, 0.8·60) = 48 at 60; V_2(1) = 48 + max(0.3·(100 − 48), 0.8·(60 − 48)) = 48 + 15.6 at 100
    const dp = dynamicPricing({ inventory: 1, periods: 2, prices: [100, 60], purchaseProbabilities: [0.3, 0.8] });
    expect(dp.value(1, 1)).toBeCloseTo(48, 12);
    expect(dp.price(1, 1)).toBe(60);
    expect(dp.price(2, 1)).toBe(100);
    expect(dp.expectedRevenue).toBeCloseTo(63.6, 12);
  });
  it('matches an independent top-down recursion and its policy earns exactly expectedRevenue', () => {
    fc.assert(
      fc.property(arbMenu, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 6 }), (menu, T, C) => {
        const dp = dynamicPricing({ inventory: C, periods: T, ...menu });
        const want = bruteValue(menu.prices, menu.purchaseProbabilities, T, C);
        expect(dp.expectedRevenue).toBeCloseTo(want, 9);
        if (C > 0) expect(policyRevenue(dp, menu.prices, menu.purchaseProbabilities, T, C)).toBeCloseTo(want, 9);
      }),
      { numRuns: 120 },
    );
  });
  it('never loses a tiny-probability price to a tie with a zero-probability one (fast-check counterexample)', () => {
    const menu = { prices: [45.45454545454545, 1], purchaseProbabilities: [0, 4.5454545454545455e-11] };
    const dp = dynamicPricing({ inventory: 2, periods: 11, ...menu });
    const want = bruteValue(menu.prices, menu.purchaseProbabilities, 11, 2); // ≈ 11 × 4.5e-11 × 1
    expect(want).toBeGreaterThan(4.9e-10);
    expect(Math.abs(dp.expectedRevenue - want)).toBeLessThanOrEqual(1e-12 * want);
    expect(dp.price(11, 2)).toBe(1);
  });
  it('value is non-decreasing in x and t; price(t, x) is non-increasing in x (T&vR 2004 §5.2)', () => {
    fc.assert(
      fc.property(arbMenu, fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 12 }), (menu, T, C) => {
        const dp = dynamicPricing({ inventory: C, periods: T, ...menu });
        for (let t = 1; t <= T; t++)
          for (let x = 1; x <= C; x++) {
            expect(dp.value(t, x)).toBeGreaterThanOrEqual(dp.value(t, x - 1) - 1e-9);
            expect(dp.value(t, x)).toBeGreaterThanOrEqual(dp.value(t - 1, x) - 1e-9);
            if (x > 1) expect(dp.price(t, x)).toBeLessThanOrEqual(dp.price(t, x - 1));
          }
      }),
      { numRuns: 100 },
    );
  });
  it('scaling prices by k scales revenue by k and each price by k; menu order changes nothing', () => {
    fc.assert(
      fc.property(arbMenu, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom(0.25, 2, 8), (menu, T, C, k) => {
        const dp = dynamicPricing({ inventory: C, periods: T, ...menu });
        const sc = dynamicPricing({ inventory: C, periods: T, prices: menu.prices.map((p) => p * k), purchaseProbabilities: menu.purchaseProbabilities });
        const idx = menu.prices.map((_, i) => i).reverse();
        const rev = dynamicPricing({ inventory: C, periods: T, prices: idx.map((i) => menu.prices[i]!), purchaseProbabilities: idx.map((i) => menu.purchaseProbabilities[i]!) });
        expect(sc.expectedRevenue).toBeCloseTo(k * dp.expectedRevenue, 6);
        expect(rev.expectedRevenue).toBe(dp.expectedRevenue);
        for (let t = 1; t <= T; t++)
          for (let x = 1; x <= C; x++) {
            expect(sc.price(t, x)).toBe(k * dp.price(t, x));
            expect(rev.price(t, x)).toBe(dp.price(t, x));
          }
      }),
      { numRuns: 60 },
    );
  });
  it('ties go to the higher price', () => {
    // one period, one unit: 100·0.3 = 30 = 60·0.5 → post 100
    const dp = dynamicPricing({ inventory: 1, periods: 1, prices: [60, 100], purchaseProbabilities: [0.5, 0.3] });
    expect(dp.price(1, 1)).toBe(100);
  });
  it('handles 10,000 periods × 500 units × 10 prices quickly', () => {
    const prices = [300, 260, 220, 190, 160, 140, 120, 100, 90, 80];
    const t0 = performance.now();
    const dp = dynamicPricing({ inventory: 500, periods: 10000, prices, purchaseProbabilities: prices.map((p) => Math.exp(-p / 150)) });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(dp.expectedRevenue).toBeGreaterThan(0);
  });
  it('does not mutate its input; bad input throws YieldInputError naming the field', () => {
    const input = deepFreeze({ inventory: 3, periods: 4, prices: [100, 50], purchaseProbabilities: [0.2, 0.6] });
    const dp = dynamicPricing(input);
    expectInputError(() => dynamicPricing({ ...input, inventory: -1 }), 'inventory');
    expectInputError(() => dynamicPricing({ ...input, periods: 0 }), 'periods');
    expectInputError(() => dynamicPricing({ ...input, prices: [] }), 'prices', 'empty');
    expectInputError(() => dynamicPricing({ ...input, prices: [100, NaN] }), 'prices[1]');
    expectInputError(() => dynamicPricing({ ...input, purchaseProbabilities: [0.2, 1.5] }), 'purchaseProbabilities[1]');
    expectInputError(() => dynamicPricing({ ...input, purchaseProbabilities: [0.2] }), 'purchaseProbabilities', 'inconsistent');
    expectInputError(() => dp.price(0, 1), 't');
    expectInputError(() => dp.price(1, 0), 'x');
    expectInputError(() => dp.value(5, 1), 't');
    expectInputError(() => dp.value(1, 1.5), 'x');
  });
});

/**
 * Independent recursion for purchase probabilities that change by period, written forwards in
 * chronological time: W(k, x) = the best expected revenue from the start of the k-th period (k = 0 the
 * first) with x units, as the expectation over sale / no sale, maximising over the menu as given.
 * (The library indexes by periods to go; here nothing is converted but k = T − t at the comparison.)
 */
function bruteTimeVarying(prices: number[], q: number[][], k: number, x: number, memo = new Map<string, number>()): number {
  if (k === q.length || x === 0) return 0;
  const key = `${k},${x}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let best = -Infinity;
  for (let i = 0; i < prices.length; i++) {
    const sell = q[k]![i]!;
    best = Math.max(best, sell * (prices[i]! + bruteTimeVarying(prices, q, k + 1, x - 1, memo)) + (1 - sell) * bruteTimeVarying(prices, q, k + 1, x, memo));
  }
  memo.set(key, best);
  return best;
}

/** A menu whose purchase probabilities rise towards the end of the horizon by a random booking curve. */
const arbTimeVarying = fc
  .tuple(arbMenu, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }))
  .map(([menu, curve]) => ({ prices: menu.prices, purchaseProbabilities: curve.map((c) => menu.purchaseProbabilities.map((q) => q * c)) }));

describe('dynamicPricing with purchase probabilities that vary by period (a booking curve)', () => {
  it('worked by hand: one unit, two periods, 0.1/0.2 in the first period and 0.3/0.8 in the last', () => {
    // last period (t = 1): max(0.3·100, 0.8·60) = 48 at 60; first (t = 2): 48 + max(0.1·52, 0.2·12) = 53.2 at 100
    const dp = dynamicPricing({ inventory: 1, periods: 2, prices: [100, 60], purchaseProbabilities: [[0.1, 0.2], [0.3, 0.8]] });
    expect(dp.value(1, 1)).toBeCloseTo(48, 12);
    expect(dp.price(1, 1)).toBe(60);
    expect(dp.price(2, 1)).toBe(100);
    expect(dp.expectedRevenue).toBeCloseTo(53.2, 12);
  });
  it('matches an independent forward recursion at every period and stock level', () => {
    fc.assert(
      fc.property(arbTimeVarying, fc.integer({ min: 0, max: 6 }), (menu, C) => {
        const T = menu.purchaseProbabilities.length;
        const dp = dynamicPricing({ inventory: C, periods: T, ...menu });
        const memo = new Map<string, number>();
        for (let t = 0; t <= T; t++)
          for (let x = 0; x <= C; x++) expect(dp.value(t, x)).toBeCloseTo(bruteTimeVarying(menu.prices, menu.purchaseProbabilities, T - t, x, memo), 9);
      }),
      { numRuns: 120 },
    );
  });
  it('gives exactly the constant-probability answer when every period has the same probabilities', () => {
    fc.assert(
      fc.property(arbMenu, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 8 }), (menu, T, C) => {
        const one = dynamicPricing({ inventory: C, periods: T, ...menu });
        const rows = dynamicPricing({ inventory: C, periods: T, prices: menu.prices, purchaseProbabilities: Array.from({ length: T }, () => menu.purchaseProbabilities) });
        expect(rows.expectedRevenue).toBe(one.expectedRevenue);
        for (let t = 1; t <= T; t++)
          for (let x = 1; x <= C; x++) {
            expect(rows.value(t, x)).toBe(one.value(t, x));
            expect(rows.price(t, x)).toBe(one.price(t, x));
          }
      }),
      { numRuns: 80 },
    );
  });
  it('reads the rows chronologically: reversing the booking curve changes the answer as the recursion says', () => {
    const prices = [200, 120];
    const q = [[0.05, 0.1], [0.1, 0.3], [0.4, 0.9]];
    const fwd = dynamicPricing({ inventory: 2, periods: 3, prices, purchaseProbabilities: q });
    const rev = dynamicPricing({ inventory: 2, periods: 3, prices, purchaseProbabilities: [...q].reverse() });
    expect(fwd.expectedRevenue).toBeCloseTo(bruteTimeVarying(prices, q, 0, 2), 12);
    expect(rev.expectedRevenue).toBeCloseTo(bruteTimeVarying(prices, [...q].reverse(), 0, 2), 12);
    expect(fwd.expectedRevenue).not.toBeCloseTo(rev.expectedRevenue, 6);
  });
  it('rejects a wrong number of periods, a short row and a probability outside [0, 1], naming the field', () => {
    const base = { inventory: 2, periods: 2, prices: [100, 50] };
    expectInputError(() => dynamicPricing({ ...base, purchaseProbabilities: [[0.1, 0.2]] }), 'purchaseProbabilities', 'inconsistent');
    expectInputError(() => dynamicPricing({ ...base, purchaseProbabilities: [[0.1, 0.2], [0.3]] }), 'purchaseProbabilities[1]', 'inconsistent');
    expectInputError(() => dynamicPricing({ ...base, purchaseProbabilities: [[0.1, 0.2], [0.3, 1.2]] }), 'purchaseProbabilities[1][1]');
    expectInputError(() => dynamicPricing({ ...base, purchaseProbabilities: [[0.1, 0.2], 0.3] as never }), 'purchaseProbabilities[1]', 'invalid-type');
  });
});
