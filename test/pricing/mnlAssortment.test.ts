import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mnlAssortment } from '../../src/pricing/index.js';
import { deepFreeze, expectInputError } from './helpers.js';

/** R(S) = Σ p_j v_j / (v_0 + Σ v_j), written from the MNL definition. */
function revenueOf(products: { price: number; weight: number }[], v0: number, S: number[]): number {
  let num = 0;
  let den = v0;
  for (const j of S) {
    num += products[j]!.price * products[j]!.weight;
    den += products[j]!.weight;
  }
  return den > 0 ? num / den : 0;
}

/** The best revenue over all 2^n subsets (brute force). */
function bruteBest(products: { price: number; weight: number }[], v0: number): number {
  let best = 0;
  for (let mask = 1; mask < 1 << products.length; mask++) {
    const S = products.map((_, j) => j).filter((j) => mask & (1 << j));
    best = Math.max(best, revenueOf(products, v0, S));
  }
  return best;
}

describe('mnlAssortment', () => {
  it('worked example by hand: offering the 20 product dilutes 160/3 down to 40', () => {
    // {100}: 100/2 = 50; {100, 60}: 160/3 = 53.3; {100, 60, 20}: 200/5 = 40
    const r = mnlAssortment({ products: [{ price: 60, weight: 1 }, { price: 100, weight: 1 }, { price: 20, weight: 2 }], noPurchaseWeight: 1 });
    expect(r.offered).toEqual([0, 1]);
    expect(r.revenue).toBeCloseTo(160 / 3, 12);
  });
  const weightArb = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 10, noNaN: true }));
  it('the revenue-ordered set is as good as the best of all 2^n subsets (Talluri & van Ryzin 2004b)', () => {
    fc.assert(
      fc.property(
        // prices in cents and weights either 0 or ≥ 1e-6: subnormal doubles (1e-323) make the revenue's
        // own rounding larger than the quantities compared, which says nothing about the algorithm
        fc.array(fc.record({ price: fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100), weight: weightArb }), { minLength: 0, maxLength: 9 }),
        weightArb,
        (products, v0) => {
          const r = mnlAssortment({ products, noPurchaseWeight: v0 });
          const best = bruteBest(products, v0);
          expect(r.revenue).toBeCloseTo(revenueOf(products, v0, r.offered), 9);
          expect(r.revenue).toBeGreaterThanOrEqual(best * (1 - 1e-12) - 1e-12);
          // every offered product is priced at least R* (T&vR 2004b: a cheaper one only dilutes)
          for (const j of r.offered) expect(products[j]!.price).toBeGreaterThanOrEqual(r.revenue * (1 - 1e-12));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('scaling prices by k scales revenue by k and leaves the set unchanged; order of products does not matter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ price: fc.integer({ min: 1, max: 1000 }), weight: fc.double({ min: 0.01, max: 10, noNaN: true }) }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (products, v0) => {
          const r = mnlAssortment({ products, noPurchaseWeight: v0 });
          const s = mnlAssortment({ products: products.map((p) => ({ ...p, price: p.price * 4 })), noPurchaseWeight: v0 });
          expect(s.offered).toEqual(r.offered);
          expect(s.revenue).toBeCloseTo(4 * r.revenue, 9);
          const rev = [...products].reverse();
          const t = mnlAssortment({ products: rev, noPurchaseWeight: v0 });
          expect(t.offered.map((j) => products.length - 1 - j).sort((a, b) => a - b)).toEqual(r.offered);
        },
      ),
      { numRuns: 100 },
    );
  });
  it('offers products of equal price together or not at all, and never a zero-weight product', () => {
    const r = mnlAssortment({ products: [{ price: 100, weight: 1 }, { price: 80, weight: 0 }, { price: 100, weight: 2 }], noPurchaseWeight: 1 });
    expect(r.offered).toEqual([0, 2]);
    expect(r.revenue).toBeCloseTo(75, 12);
  });
  it('no products (or none worth offering) gives an empty set and 0', () => {
    expect(mnlAssortment({ products: [], noPurchaseWeight: 1 })).toEqual({ offered: [], revenue: 0 });
    expect(mnlAssortment({ products: [{ price: 0, weight: 3 }], noPurchaseWeight: 1 })).toEqual({ offered: [], revenue: 0 });
  });
  it('does not mutate its input; bad input throws YieldInputError naming the field', () => {
    const input = deepFreeze({ products: [{ price: 10, weight: 1 }], noPurchaseWeight: 1 });
    expect(mnlAssortment(input).offered).toEqual([0]);
    expectInputError(() => mnlAssortment({ products: [{ price: NaN, weight: 1 }], noPurchaseWeight: 1 }), 'products[0].price');
    expectInputError(() => mnlAssortment({ products: [{ price: 1, weight: -1 }], noPurchaseWeight: 1 }), 'products[0].weight');
    expectInputError(() => mnlAssortment({ products: [{ price: 1, weight: 1 }], noPurchaseWeight: Infinity }), 'noPurchaseWeight');
    expectInputError(() => mnlAssortment({ products: 'x' as never, noPurchaseWeight: 1 }), 'products', 'invalid-type');
  });
});
