import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { continuousDynamicPricing, dynamicPricing, gallegoVanRyzin } from '../../src/pricing/index.js';
import { deepFreeze, demandFormula, expectInputError } from './helpers.js';

type Resp = Parameters<typeof continuousDynamicPricing>[0]['response'];

/**
 * Independent recursion: chronological k = 0..T−1, top-down with a memo, the price chosen by a grid
 * search over [lo, hi] (2,001 points) refined by a second grid around the best point, with the textbook
 * demand formulas of helpers.ts (not the library's closed forms).
 */
function bruteValue(r: Resp, m: number[], lo: number, hi: number, k: number, x: number, memo = new Map<string, number>()): number {
  if (k === m.length || x === 0) return 0;
  const key = `${k},${x}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const keep = bruteValue(r, m, lo, hi, k + 1, x, memo);
  const dv = keep - bruteValue(r, m, lo, hi, k + 1, x - 1, memo);
  const f = (p: number) => m[k]! * demandFormula(r as never, p) * (p - dv);
  let best = -Infinity;
  let bp = lo;
  const grid = (a: number, b: number) => {
    for (let i = 0; i <= 2000; i++) {
      const p = a + ((b - a) * i) / 2000;
      const v = f(p);
      if (v > best) {
        best = v;
        bp = p;
      }
    }
  };
  grid(lo, hi);
  const h = (hi - lo) / 2000;
  grid(Math.max(lo, bp - h), Math.min(hi, bp + h));
  memo.set(key, keep + best);
  return keep + best;
}

const arbResponse: fc.Arbitrary<Resp> = fc.oneof(
  fc.record({ kind: fc.constant('linear' as const), a: fc.double({ min: 0.05, max: 1, noNaN: true }), b: fc.double({ min: 0.001, max: 0.02, noNaN: true }) }),
  fc.record({ kind: fc.constant('exponential' as const), a: fc.double({ min: 0.05, max: 1, noNaN: true }), alpha: fc.double({ min: 0.005, max: 0.05, noNaN: true }) }),
  fc.record({ kind: fc.constant('logit' as const), size: fc.double({ min: 0.05, max: 1, noNaN: true }), a: fc.double({ min: -3, max: 1, noNaN: true }), b: fc.double({ min: 0.01, max: 0.05, noNaN: true }) }),
);

describe('continuousDynamicPricing', () => {
  it('worked by hand: linear d(p) = 0.9 − 0.005p, one unit, two periods', () => {
    // t = 1: p = 180/2 = 90, q = 0.45, V = 40.5; t = 2: p = (180 + 40.5)/2 = 110.25, q = 0.34875, V = 40.5 + 0.34875·69.75
    const r = continuousDynamicPricing({ inventory: 1, periods: 2, response: { kind: 'linear', a: 0.9, b: 0.005 } });
    expect(r.price(1, 1)).toBeCloseTo(90, 12);
    expect(r.value(1, 1)).toBeCloseTo(40.5, 12);
    expect(r.price(2, 1)).toBeCloseTo(110.25, 12);
    expect(r.expectedRevenue).toBeCloseTo(64.8253125, 12);
  });
  it('matches an independent recursion with a grid search over the price range (booking curve included)', () => {
    fc.assert(
      fc.property(arbResponse, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 4 }), (response, m, C) => {
        const lo = 10;
        const hi = 400;
        const r = continuousDynamicPricing({ inventory: C, periods: m.length, response, intensity: m }, { minPrice: lo, maxPrice: hi });
        const want = bruteValue(response, m, lo, hi, 0, C);
        expect(Math.abs(r.expectedRevenue - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, want));
        expect(r.expectedRevenue).toBeGreaterThanOrEqual(want - 1e-9 * Math.max(1, want)); // the grid cannot beat the optimum
      }),
      { numRuns: 60 },
    );
  });
  it('earns at least as much as dynamicPricing on any finite menu from the same range and curve', () => {
    fc.assert(
      fc.property(arbResponse, fc.uniqueArray(fc.integer({ min: 10, max: 400 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 6 }), (response, menu, T, C) => {
        const cont = continuousDynamicPricing({ inventory: C, periods: T, response }, { minPrice: 10, maxPrice: 400 });
        const disc = dynamicPricing({ inventory: C, periods: T, prices: menu, purchaseProbabilities: menu.map((p) => demandFormula(response as never, p)) });
        expect(cont.expectedRevenue).toBeGreaterThanOrEqual(disc.expectedRevenue - 1e-9 * Math.max(1, disc.expectedRevenue));
      }),
      { numRuns: 80 },
    );
  });
  it('converges to the Gallego & van Ryzin (1994) closed form as periods get short (exponential response)', () => {
    // λ* = a/e = 1 sale per day, p* = 1/alpha = 100; 5 units over 5 days, periods of δ = 1/2,000 day
    const a = Math.E;
    const alpha = 0.01;
    const horizon = 5;
    const periods = 10_000;
    const delta = horizon / periods;
    const g = gallegoVanRyzin({ a, alpha, inventory: 5, horizon });
    const r = continuousDynamicPricing({ inventory: 5, periods, response: { kind: 'exponential', a: a * delta, alpha } });
    expect(Math.abs(r.expectedRevenue - g.expectedRevenue) / g.expectedRevenue).toBeLessThan(1e-3);
    expect(Math.abs(r.price(periods, 5) - g.price(5, horizon)) / g.price(5, horizon)).toBeLessThan(2e-3);
    expect(Math.abs(r.price(periods / 2, 1) - g.price(1, horizon / 2)) / g.price(1, horizon / 2)).toBeLessThan(2e-3);
  });
  it('price falls as stock rises and never leaves [minPrice, maxPrice]; value is concave in stock', () => {
    fc.assert(
      fc.property(arbResponse, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 8 }), (response, T, C) => {
        const r = continuousDynamicPricing({ inventory: C, periods: T, response }, { minPrice: 20, maxPrice: 300 });
        for (let t = 1; t <= T; t++)
          for (let x = 1; x <= C; x++) {
            const p = r.price(t, x);
            expect(p).toBeGreaterThanOrEqual(20);
            expect(p).toBeLessThanOrEqual(300);
            if (x > 1) expect(p).toBeLessThanOrEqual(r.price(t, x - 1) + 1e-9);
            if (x > 1) expect(r.value(t, x) - r.value(t, x - 1)).toBeLessThanOrEqual(r.value(t, x - 1) - r.value(t, x - 2) + 1e-9);
          }
      }),
      { numRuns: 60 },
    );
  });
  it('a constant booking curve of 1 is the default, and the booking curve never moves the price, only the value', () => {
    const response: Resp = { kind: 'exponential', a: 0.6, alpha: 0.02 };
    const plain = continuousDynamicPricing({ inventory: 3, periods: 4, response });
    const ones = continuousDynamicPricing({ inventory: 3, periods: 4, response, intensity: [1, 1, 1, 1] });
    expect(ones.expectedRevenue).toBe(plain.expectedRevenue);
    // one period to go: the price is the static optimum 1/alpha whatever the intensity of that period
    const curve = continuousDynamicPricing({ inventory: 3, periods: 4, response, intensity: [0.2, 0.4, 0.8, 0.5] });
    expect(curve.price(1, 2)).toBeCloseTo(50, 12);
    expect(curve.value(1, 2)).toBeCloseTo(0.5 * 0.6 * Math.exp(-1) * 50, 12);
  });
  it('does not mutate its input; bad input throws YieldInputError naming the field', () => {
    const input = deepFreeze({ inventory: 2, periods: 3, response: { kind: 'linear' as const, a: 0.8, b: 0.01 }, intensity: [0.5, 1, 1] });
    continuousDynamicPricing(input, deepFreeze({ minPrice: 5 }));
    expectInputError(() => continuousDynamicPricing({ ...input, inventory: -1 }), 'inventory');
    expectInputError(() => continuousDynamicPricing({ ...input, response: { kind: 'linear', a: 0.8, b: -1 } }), 'response.b');
    expectInputError(() => continuousDynamicPricing({ ...input, response: { kind: 'linear', a: 3, b: 0.01 } }), 'response', 'inconsistent');
    expectInputError(() => continuousDynamicPricing({ ...input, intensity: [1, 1] }), 'intensity', 'inconsistent');
    expectInputError(() => continuousDynamicPricing({ ...input, intensity: [1, -1, 1] }), 'intensity[1]');
    expectInputError(() => continuousDynamicPricing(input, { minPrice: 50, maxPrice: 10 }), 'options.maxPrice', 'inconsistent');
    expectInputError(() => continuousDynamicPricing({ ...input, response: { kind: 'constant-elasticity', a: 0.5, elasticity: 2 } }), 'options.minPrice');
    expectInputError(() => continuousDynamicPricing({ ...input, response: { kind: 'constant-elasticity', a: 0.5, elasticity: 0.8 } }, { minPrice: 1 }), 'options.maxPrice');
    const r = continuousDynamicPricing(input);
    expectInputError(() => r.price(0, 1), 't');
    expectInputError(() => r.value(1, 3), 'x');
  });
});
