import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BID_PRICE_TIE_TOLERANCE, bidPriceVerdict, createDecision, isBidPriceTie } from '../../src/model/bookingPath.js';

describe('bidPriceVerdict(value, hurdle, ties, tolerance, sold, quantity, allocation)', () => {
  it('accepts a value above the hurdle and rejects one below it, whatever the tie rule', () => {
    for (const ties of ['accept', 'reject', 'allocation'] as const) {
      expect(bidPriceVerdict(300, 270, ties, BID_PRICE_TIE_TOLERANCE, 99, 1, 0)).toBe('accepted');
      expect(bidPriceVerdict(250, 270, ties, BID_PRICE_TIE_TOLERANCE, 0, 1, 100)).toBe('below-bid-price');
    }
  });

  it("under 'allocation', an allocation of 4.5 sells 5 units (⌈x⌉) at the tie, and no sixth", () => {
    const sold: string[] = [];
    for (let s = 0; s < 7; s++) sold.push(bidPriceVerdict(270, 270, 'allocation', BID_PRICE_TIE_TOLERANCE, s, 1, 4.5));
    expect(sold).toEqual(['tie-accepted', 'tie-accepted', 'tie-accepted', 'tie-accepted', 'tie-accepted', 'allocation-exhausted', 'allocation-exhausted']);
    // a group of 2 after 3 sold needs 5 ≤ ⌈4.5⌉: yes; after 4 sold: 6 > 5, no
    expect(bidPriceVerdict(270, 270, 'allocation', BID_PRICE_TIE_TOLERANCE, 3, 2, 4.5)).toBe('tie-accepted');
    expect(bidPriceVerdict(270, 270, 'allocation', BID_PRICE_TIE_TOLERANCE, 4, 2, 4.5)).toBe('allocation-exhausted');
  });

  it('treats a whole allocation that is off by rounding noise as that whole number (4 + 1e-12 sells 4, not 5)', () => {
    expect(bidPriceVerdict(270, 270, 'allocation', BID_PRICE_TIE_TOLERANCE, 3, 1, 4 + 1e-12)).toBe('tie-accepted');
    expect(bidPriceVerdict(270, 270, 'allocation', BID_PRICE_TIE_TOLERANCE, 4, 1, 4 + 1e-12)).toBe('allocation-exhausted');
    // an allocation of 0 sells nothing at the tie
    expect(bidPriceVerdict(270, 270, 'allocation', BID_PRICE_TIE_TOLERANCE, 0, 1, 0)).toBe('allocation-exhausted');
  });

  it("'accept' takes a tie, 'reject' refuses it; a value within the relative tolerance is a tie", () => {
    expect(bidPriceVerdict(270, 270, 'accept', BID_PRICE_TIE_TOLERANCE, 0, 1, Infinity)).toBe('tie-accepted');
    expect(bidPriceVerdict(270, 270, 'reject', BID_PRICE_TIE_TOLERANCE, 0, 1, Infinity)).toBe('tie-rejected');
    // 1e-7 on a hurdle of 270 is 3.7e-10 relative: a tie; 1e-6 is 3.7e-9: not a tie
    expect(bidPriceVerdict(270 - 1e-7, 270, 'reject', BID_PRICE_TIE_TOLERANCE, 0, 1, Infinity)).toBe('tie-rejected');
    expect(bidPriceVerdict(270 - 1e-6, 270, 'accept', BID_PRICE_TIE_TOLERANCE, 0, 1, Infinity)).toBe('below-bid-price');
    expect(bidPriceVerdict(270 + 1e-6, 270, 'reject', BID_PRICE_TIE_TOLERANCE, 0, 1, Infinity)).toBe('accepted');
    // small numbers: the scale is at least 1, so 0 vs 5e-10 is a tie
    expect(isBidPriceTie(0, 5e-10)).toBe(true);
    expect(isBidPriceTie(0, 5e-9)).toBe(false);
  });

  it('never treats an infinite hurdle (no unit left in a capacity-dependent table) as a tie', () => {
    expect(isBidPriceTie(1e308, Infinity)).toBe(false);
    expect(bidPriceVerdict(1e12, Infinity, 'accept', BID_PRICE_TIE_TOLERANCE, 0, 1, Infinity)).toBe('below-bid-price');
  });

  it('is antisymmetric in the sense of the textbook rule: accepted ⇔ value > hurdle beyond the tolerance (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.oneof(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.constant(-1)), // −1: the hurdle equals the value (a tie)
        fc.constantFrom('accept', 'reject', 'allocation' as const),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0, max: 12, noNaN: true }),
        (v, h0, ties, sold, q, alloc) => {
          const h = h0 < 0 ? v : h0;
          const r = bidPriceVerdict(v, h, ties, BID_PRICE_TIE_TOLERANCE, sold, q, alloc);
          const tie = Math.abs(v - h) <= BID_PRICE_TIE_TOLERANCE * Math.max(1, v, h);
          if (!tie) expect(r).toBe(v > h ? 'accepted' : 'below-bid-price');
          else if (ties === 'accept') expect(r).toBe('tie-accepted');
          else if (ties === 'reject') expect(r).toBe('tie-rejected');
          else {
            // independent statement of ⌈x⌉ with the tolerance: the largest whole number k with k ≤ x + tiny
            let cap = 0;
            while (cap + 1 <= alloc) cap++;
            if (cap < alloc - BID_PRICE_TIE_TOLERANCE * Math.max(1, alloc)) cap++;
            expect(r).toBe(sold + q <= cap ? 'tie-accepted' : 'allocation-exhausted');
          }
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('createDecision()', () => {
  it('gives a fresh, NaN-free buffer each time', () => {
    const a = createDecision();
    const b = createDecision();
    expect(a).not.toBe(b);
    expect(Object.values(a).some((x) => typeof x === 'number' && Number.isNaN(x))).toBe(false);
  });
});
