import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitPriceResponse, willingnessToPay } from '../../src/forecast/fitPriceResponse.js';

describe('fitPriceResponse(points)', () => {
  it('recovers a constant-elasticity curve exactly: d(p) = 10⁵·p^(−1.5) (Phillips 2005, §3.3)', () => {
    const pts = [70, 80, 100, 125, 160].map((p) => ({ price: p, quantity: 1e5 * p ** -1.5 }));
    const r = fitPriceResponse(pts);
    expect(r.status).toBe('ok');
    expect(r.response.elasticity).toBeCloseTo(1.5, 10);
    expect(r.response.a).toBeCloseTo(1e5, 4);
    expect(r.diagnostics.constantElasticity.rSquared).toBeCloseTo(1, 10);
  });
  it('fits the linear curve by ordinary least squares, worked by hand on three points', () => {
    // (100, 50), (120, 44), (140, 35): x̄ = 120, ȳ = 43; Sxy = (−20)(7) + 0 + 20(−8) = −300; Sxx = 800
    // slope −0.375 ⇒ b = 0.375, a = 43 + 0.375·120 = 88
    const r = fitPriceResponse([
      { price: 100, quantity: 50 },
      { price: 120, quantity: 44 },
      { price: 140, quantity: 35 },
    ]);
    expect(r.linear.b).toBeCloseTo(0.375, 12);
    expect(r.linear.a).toBeCloseTo(88, 12);
  });
  it("reports 'wrong-sign' when quantity rises with price (the endogeneity trap of booking history)", () => {
    const r = fitPriceResponse([80, 100, 120, 150].map((p) => ({ price: p, quantity: p / 2 })));
    expect(r.status).toBe('wrong-sign');
    expect(r.response.elasticity).toBeLessThan(0);
  });
  it("reports 'insufficient-history' with fewer than three positive points", () => {
    expect(fitPriceResponse([{ price: 10, quantity: 1 }, { price: 20, quantity: 0 }]).status).toBe('insufficient-history');
  });
  it('leaves the elasticity unchanged when prices are rescaled (a change of currency)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 20, max: 400 }), fc.integer({ min: 1, max: 80 })), { minLength: 4, maxLength: 20 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (pairs, k) => {
        fc.pre(new Set(pairs.map((x) => x[0])).size >= 3);
        const a = fitPriceResponse(pairs.map(([p, q]) => ({ price: p, quantity: q })));
        const b = fitPriceResponse(pairs.map(([p, q]) => ({ price: p * k, quantity: q })));
        expect(b.response.elasticity).toBeCloseTo(a.response.elasticity, 6);
      }),
      { numRuns: 40 },
    );
  });
  it('rejects non-positive prices naming the field', () => {
    expect(() => fitPriceResponse([{ price: 0, quantity: 1 }])).toThrow(/points\[0\]\.price/);
    expect(() => fitPriceResponse([{ price: 10, quantity: -1 }])).toThrow(/points\[0\]\.quantity/);
  });
});

describe('willingnessToPay(rates)', () => {
  it('is the share paying at least each rate', () => {
    expect(willingnessToPay([80, 100, 100, 120])).toEqual({ price: [80, 100, 120], share: [1, 0.75, 0.25] });
    expect(willingnessToPay([100, 80], [3, 1])).toEqual({ price: [80, 100], share: [1, 0.75] });
  });
  it('is non-increasing and starts at 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 50 }), (rates) => {
        const w = willingnessToPay(rates);
        expect(w.share[0]).toBe(1);
        for (let i = 1; i < w.share.length; i++) expect(w.share[i]!).toBeLessThanOrEqual(w.share[i - 1]!);
      }),
      { numRuns: 40 },
    );
  });
});
