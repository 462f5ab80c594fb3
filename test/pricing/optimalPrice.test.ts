import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demandAt, optimalPrice, revenueAt, type PriceResponse } from '../../src/pricing/index.js';
import { deepFreeze, demandFormula, expectInputError } from './helpers.js';

/**
 * Phillips, R. (2005), *Pricing and Revenue Optimization*, §5.2 and the opening of ch. 6 ("Pricing with
 * constrained supply", erenow.org/common/pricing-and-revenue-optimization/7.php in the 2nd-edition
 * numbering): the widget maker, linear price response d(p) = 10,000 − 800·p and unit cost $5, "set his
 * price at $8.75 and produce 3,000 units … a total contribution of $11,250". Exact in decimals (no rounding).
 * The supply-constrained price is d⁻¹(b) = (D − b)/m (Çakanyıldırım, "Pricing with Constrained Supply",
 * UT Dallas OPRE 6377 notes based on Phillips ch. 5–6): with b = 2,000 widgets, (10,000 − 2,000)/800 = $10.
 */
const widget = { kind: 'linear', a: 10000, b: 800 } as const;

/** (p − c)·min(d(p), C), from the textbook formula. */
function contributionAt(r: PriceResponse, p: number, c: number, C = Infinity): number {
  return (p - c) * Math.min(demandFormula(r as never, p), C);
}

/** Best contribution over a fine grid of prices in [lo, hi] (independent brute force). */
function gridBest(r: PriceResponse, c: number, C: number, lo: number, hi: number, n = 4000): number {
  let best = -Infinity;
  for (let i = 0; i <= n; i++) {
    const p = lo + ((hi - lo) * i) / n;
    if (r.kind === 'constant-elasticity' && p === 0) continue;
    best = Math.max(best, contributionAt(r, p, c, C));
  }
  return best;
}

/** Point elasticity −p·d'(p)/d(p) by a central difference (independent of any closed form). */
function elasticity(r: PriceResponse, p: number): number {
  const h = 1e-5 * p;
  const d = (q: number) => demandFormula(r as never, q);
  return (-p * (d(p + h) - d(p - h))) / (2 * h) / d(p);
}

const arbResponse: fc.Arbitrary<PriceResponse> = fc.oneof(
  fc.record({ kind: fc.constant('linear' as const), a: fc.double({ min: 1, max: 1e4, noNaN: true }), b: fc.double({ min: 0.01, max: 100, noNaN: true }) }),
  fc.record({ kind: fc.constant('exponential' as const), a: fc.double({ min: 1, max: 1e4, noNaN: true }), alpha: fc.double({ min: 0.001, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('constant-elasticity' as const), a: fc.double({ min: 1, max: 1e6, noNaN: true }), elasticity: fc.double({ min: 1.2, max: 5, noNaN: true }) }),
  fc.record({ kind: fc.constant('logit' as const), size: fc.double({ min: 1, max: 1e4, noNaN: true }), a: fc.double({ min: -10, max: 5, noNaN: true }), b: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
);

describe('demandAt / revenueAt', () => {
  it('demandAt(widget, 8.75) is 3,000 widgets and revenueAt with cost $5 is $11,250 (Phillips 2005 §5.2)', () => {
    expect(demandAt(widget, 8.75)).toBe(3000);
    expect(revenueAt(widget, 8.75, { unitCost: 5 })).toBe(11250);
    expect(revenueAt(widget, 8.75)).toBe(26250);
  });
  it('demandAt is 0 above the choke price of a linear curve, never negative', () => {
    expect(demandAt(widget, 12.5)).toBe(0);
    expect(demandAt(widget, 100)).toBe(0);
  });
  it('demandAt matches the textbook formula for every shape', () => {
    fc.assert(
      fc.property(arbResponse, fc.double({ min: 0.01, max: 500, noNaN: true }), (r, p) => {
        const want = demandFormula(r as never, p);
        expect(Math.abs(demandAt(r, p) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
      }),
      { numRuns: 100 },
    );
  });
  it('logit demand at the price where a + b·p = 0 is half the market', () => {
    expect(demandAt({ kind: 'logit', size: 800, a: -4, b: 0.05 }, 80)).toBeCloseTo(400, 12);
  });
  it('bad input throws YieldInputError naming the field', () => {
    expectInputError(() => demandAt({ kind: 'linear', a: NaN, b: 1 }, 1), 'response.a');
    expectInputError(() => demandAt({ kind: 'linear', a: 10, b: -1 }, 1), 'response.b');
    expectInputError(() => demandAt({ kind: 'exponential', a: 10, alpha: Infinity }, 1), 'response.alpha');
    expectInputError(() => demandAt({ kind: 'constant-elasticity', a: 10, elasticity: 0 }, 1), 'response.elasticity');
    expectInputError(() => demandAt({ kind: 'logit', size: 10, a: NaN, b: 1 }, 1), 'response.a');
    expectInputError(() => demandAt({ kind: 'quadratic' } as never, 1), 'response.kind');
    expectInputError(() => demandAt(widget, -1), 'price');
    expectInputError(() => demandAt(widget, NaN), 'price');
    expectInputError(() => demandAt({ kind: 'constant-elasticity', a: 10, elasticity: 2 }, 0), 'price');
    expectInputError(() => revenueAt(widget, 5, { unitCost: -1 }), 'options.unitCost');
  });
});

describe('optimalPrice', () => {
  it('reproduces Phillips (2005) §5.2: the widget maker prices at $8.75, sells 3,000, earns $11,250', () => {
    const r = optimalPrice(widget, { unitCost: 5 });
    expect(r.price).toBe(8.75);
    expect(r.demand).toBe(3000);
    expect(r.contribution).toBe(11250);
    expect(r.revenue).toBe(26250);
    expect(r.binding).toBe('none');
  });
  it('with only 2,000 widgets, prices at the sell-out price d⁻¹(2,000) = $10 (Phillips ch. 6 supply constraint)', () => {
    const r = optimalPrice(widget, { unitCost: 5, capacity: 2000 });
    expect(r.price).toBe(10);
    expect(r.demand).toBe(2000);
    expect(r.contribution).toBe(10000);
    expect(r.binding).toBe('capacity');
  });
  it('ignores a capacity that does not bind', () => {
    expect(optimalPrice(widget, { unitCost: 5, capacity: 3000 }).price).toBe(8.75);
    expect(optimalPrice(widget, { unitCost: 5, capacity: 5000 }).binding).toBe('none');
  });
  it('revenue maximisation (no cost) of a linear curve prices at half the choke price', () => {
    expect(optimalPrice({ kind: 'linear', a: 100, b: 2 }).price).toBe(25);
  });
  it('exponential: p* = c + 1/alpha, and the margin rule (p − c)/p = 1/ε holds (Phillips 2005 §5.2)', () => {
    const r = { kind: 'exponential', a: 500, alpha: 0.02 } as const;
    const o = optimalPrice(r, { unitCost: 30 });
    expect(o.price).toBeCloseTo(80, 12);
    expect((o.price - 30) / o.price).toBeCloseTo(1 / elasticity(r, o.price), 6);
  });
  it('constant elasticity ε = 2.154, cost $50 prices at 50·ε/(ε − 1) ≈ $93.33, the grid optimum', () => {
    // The curve d = 3,777,178·p^(−2.154) and cost $50 are Winston & Albright's example (Practical
    // Management Science, as posted at apmonitor.com/me575 "Nonlinear Pricing"); we could not read the
    // page's answer, so the expected price is Phillips' margin rule (p − c)/p = 1/ε worked by hand:
    // 50·2.154/1.154 = 93.3275…, and the grid search below confirms it independently.
    const r = { kind: 'constant-elasticity', a: 3777178, elasticity: 2.154 } as const;
    const o = optimalPrice(r, { unitCost: 50 });
    expect(o.price).toBeCloseTo(93.3276, 3);
    let bestP = 0;
    let best = -Infinity;
    for (let p = 50; p <= 200; p += 0.001) {
      const v = contributionAt(r, p, 50);
      if (v > best) [best, bestP] = [v, p];
    }
    expect(Math.abs(bestP - o.price)).toBeLessThan(0.002);
  });
  it('logit: the optimum satisfies the margin rule (p − c)/p = 1/ε(p) with ε by finite differences', () => {
    const r = { kind: 'logit', size: 1000, a: -5, b: 0.05 } as const;
    for (const c of [0, 20, 60]) {
      const o = optimalPrice(r, { unitCost: c });
      expect((o.price - c) / o.price).toBeCloseTo(1 / elasticity(r, o.price), 6);
    }
  });
  it('is never worse than any price on a fine grid, with capacity and bounds (brute force)', () => {
    fc.assert(
      fc.property(
        arbResponse,
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.option(fc.double({ min: 1, max: 5000, noNaN: true }), { nil: undefined }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        (r, c, C, min, width) => {
          const max = min + width;
          const o = optimalPrice(r, { unitCost: c, capacity: C, min, max });
          expect(o.price).toBeGreaterThanOrEqual(min);
          expect(o.price).toBeLessThanOrEqual(max);
          expect(o.demand).toBeLessThanOrEqual((C ?? Infinity) * (1 + 1e-12));
          const best = gridBest(r, c, C ?? Infinity, min, max, 2000);
          expect(o.contribution).toBeGreaterThanOrEqual(best - 1e-9 * Math.max(1, Math.abs(best)));
        },
      ),
      { numRuns: 150 },
    );
  });
  it('scaling money by k (prices, cost, bounds) scales the price and contribution by k', () => {
    fc.assert(
      fc.property(arbResponse, fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(0.5, 2, 4, 10), (r, c, k) => {
        const scaled: PriceResponse =
          r.kind === 'linear' ? { ...r, b: r.b / k }
          : r.kind === 'exponential' ? { ...r, alpha: r.alpha / k }
          : r.kind === 'logit' ? { ...r, b: r.b / k }
          : { ...r, a: r.a * k ** r.elasticity };
        const cc = r.kind === 'constant-elasticity' ? Math.max(c, 1) : c;
        const o = optimalPrice(r, { unitCost: cc });
        const s = optimalPrice(scaled, { unitCost: cc * k });
        expect(s.price).toBeCloseTo(o.price * k, 6);
        expect(s.contribution / k).toBeCloseTo(o.contribution, 4);
      }),
      { numRuns: 100 },
    );
  });
  it('does not mutate its arguments', () => {
    const r = deepFreeze({ kind: 'linear', a: 100, b: 1 } as const);
    const opts = deepFreeze({ unitCost: 5, capacity: 30 });
    expect(() => optimalPrice(r, opts)).not.toThrow();
  });
  it('constant elasticity ≤ 1 with no max has no finite optimum: YieldInputError on response.elasticity', () => {
    expectInputError(() => optimalPrice({ kind: 'constant-elasticity', a: 100, elasticity: 0.8 }, { unitCost: 5 }), 'response.elasticity', 'invalid');
    expectInputError(() => optimalPrice({ kind: 'constant-elasticity', a: 100, elasticity: 1 }), 'response.elasticity');
    // ε > 1 with no cost: contribution grows as p → 0
    expectInputError(() => optimalPrice({ kind: 'constant-elasticity', a: 100, elasticity: 2 }), 'response.elasticity');
  });
  it('constant elasticity ≤ 1 prices at max; with ε > 1, no cost and a capacity, at the sell-out price', () => {
    const o = optimalPrice({ kind: 'constant-elasticity', a: 100, elasticity: 0.5 }, { unitCost: 1, max: 400 });
    expect(o.price).toBe(400);
    expect(o.binding).toBe('max');
    const s = optimalPrice({ kind: 'constant-elasticity', a: 10000, elasticity: 2 }, { capacity: 25 });
    expect(s.price).toBeCloseTo(20, 12); // (10000/25)^(1/2)
    expect(s.binding).toBe('capacity');
  });
  it('sells the whole capacity at max when even max cannot bring demand down to capacity', () => {
    const o = optimalPrice(widget, { unitCost: 5, capacity: 1000, max: 9 });
    expect(o).toMatchObject({ price: 9, demand: 1000, contribution: 4000, binding: 'max' });
  });
  it('respects min: a floor above the optimum binds', () => {
    expect(optimalPrice(widget, { unitCost: 5, min: 11 })).toMatchObject({ price: 11, binding: 'min', demand: 1200 });
  });
  it('bad options throw YieldInputError naming the field', () => {
    expectInputError(() => optimalPrice(widget, { unitCost: NaN }), 'options.unitCost');
    expectInputError(() => optimalPrice(widget, { capacity: -1 }), 'options.capacity');
    expectInputError(() => optimalPrice(widget, { min: 10, max: 5 }), 'options.max', 'inconsistent');
    expectInputError(() => optimalPrice(widget, { max: -Infinity }), 'options.max');
    expectInputError(() => optimalPrice({ kind: 'linear', a: 0, b: 1 }), 'response.a');
  });
});
