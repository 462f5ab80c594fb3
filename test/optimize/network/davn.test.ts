import { describe, expect, it } from 'vitest';
import { davn, DAVN_DEFAULTS } from '../../../src/optimize/network/davn.js';
import { dlp } from '../../../src/optimize/network/dlp.js';
import { YieldInputError, type Network } from '../../../src/model/index.js';
import { TVR_EMSR_B, TVR_TABLE_2_5 } from '../singleResource/fixtures.js';

/** Truncation to one decimal, the book's printing convention for Table 2.5's protection levels. */
const cut1 = (y: number) => Math.floor(y * 10 + 1e-9) / 10;

/**
 * A two-leg line A→B→C whose leg AB carries exactly the four classes of Talluri & van Ryzin (2004),
 * Table 2.5 once displacement is netted out: two locals (1050, 534) and two connections whose fares
 * less BC's bid price of 300 are 567 and 520 (the displacement arithmetic of Barnhart, Belobaba &
 * Odoni 2003: "the network revenue value of an $800 total fare on the first leg … must be reduced by
 * $300 if acceptance … would result in displacement of $300 … on the second flight leg").
 */
const [c1, c2, c3, c4] = TVR_TABLE_2_5;
const LINE: Network = {
  resources: [
    { id: 'AB', capacity: 200 },
    { id: 'BC', capacity: 200 },
  ],
  products: [
    { id: 'AB-1', fare: 1050, resources: ['AB'], demand: c1!.demand },
    { id: 'AC-2', fare: 567 + 300, resources: ['AB', 'BC'], demand: c2!.demand },
    { id: 'AB-3', fare: 534, resources: ['AB'], demand: c3!.demand },
    { id: 'AC-4', fare: 520 + 300, resources: ['AB', 'BC'], demand: c4!.demand },
  ],
};
const PRICES = { AB: 0, BC: 300 };

describe('davn(network, options)', () => {
  it('nets a connection\'s fare by the other leg\'s bid price: $800 − $300 = $500 (Barnhart, Belobaba & Odoni 2003)', async () => {
    const r = await davn(
      {
        resources: [{ id: 'AB', capacity: 10 }, { id: 'BC', capacity: 10 }],
        products: [
          { id: 'AB', fare: 500, resources: ['AB'], demand: { kind: 'poisson', mean: 4 } },
          { id: 'AC', fare: 800, resources: ['AB', 'BC'], demand: { kind: 'poisson', mean: 6 } },
        ],
      },
      { bidPrices: { AB: 0, BC: 300 } },
    );
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.adjustedFare.AC).toEqual({ AB: 500, BC: 800 });
    // equal adjusted fares share one virtual class on AB, with pooled Poisson demand 4 + 6
    expect(r.legs[0]!.classes).toEqual([{ fare: 500, demand: { kind: 'poisson', mean: 10 }, products: ['AB', 'AC'] }]);
  });

  it('reproduces T&vR (2004) Table 2.5 EMSR-b protection levels 16.7, 50.9, 83.1 on the leg whose virtual classes are that table', async () => {
    const r = await davn(LINE, { bidPrices: PRICES });
    if (r.status !== 'ok') throw new Error(r.status);
    const ab = r.legs[0]!;
    expect(ab.classes.map((c) => c.fare)).toEqual([1050, 567, 534, 520]);
    expect(ab.classes.map((c) => c.products)).toEqual([['AB-1'], ['AC-2'], ['AB-3'], ['AC-4']]);
    expect(ab.protectionLevels.map(cut1)).toEqual([...TVR_EMSR_B]);
    expect(ab.bookingLimits[0]).toBe(200);
    expect(ab.bookingLimits[3]).toBeCloseTo(200 - ab.protectionLevels[2]!, 12);
    // BC sees the two connections at their full fares (AB's bid price is 0)
    expect(r.legs[1]!.classes.map((c) => c.fare)).toEqual([867, 820]);
  });

  it('opens a class while the remaining capacity exceeds the protection of the classes above it', async () => {
    const r = await davn(LINE, { bidPrices: PRICES, rounding: 'nearest' });
    if (r.status !== 'ok') throw new Error(r.status);
    const y = r.legs[0]!.protectionLevels; // T&vR rounded: 17, 51, 83
    expect(y).toEqual([17, 51, 83]);
    expect(r.accept('AC-4', [84, 200])).toBe(true); // 84 > 83
    expect(r.accept('AC-4', [83, 200])).toBe(false);
    expect(r.accept('AB-3', [52, 200])).toBe(true);
    expect(r.accept('AB-3', [51, 200])).toBe(false);
    expect(r.accept('AB-1', [1, 200])).toBe(true);
    expect(r.accept('AB-1', [0, 200])).toBe(false);
    expect(r.accept('AC-2', [200, 0])).toBe(false); // no seat on BC
  });

  it('closes a product whose adjusted fare on a leg is ≤ 0', async () => {
    const net: Network = {
      resources: [{ id: 'AB', capacity: 5 }, { id: 'BC', capacity: 5 }],
      products: [
        { id: 'AB', fare: 100, resources: ['AB'], demand: 3 },
        { id: 'AC', fare: 250, resources: ['AB', 'BC'], demand: 3 },
      ],
    };
    const r = await davn(net, { bidPrices: { AB: 0, BC: 300 } });
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.classOf.AC!.AB).toBe(-1);
    expect(r.legs[0]!.closed).toEqual(['AC']);
    expect(r.accept('AC', [5, 5])).toBe(false);
  });

  it('groups into at most K virtual classes with the least demand-weighted squared deviation (checked by enumerating every split)', async () => {
    const r = await davn(LINE, { bidPrices: PRICES, virtualClasses: 2 });
    if (r.status !== 'ok') throw new Error(r.status);
    const fares = [1050, 567, 534, 520];
    const w = TVR_TABLE_2_5.map((c) => (c.demand as { mean: number }).mean);
    const sse = (a: number, b: number) => {
      let W = 0;
      let S = 0;
      for (let k = a; k < b; k++) (W += w[k]!), (S += w[k]! * fares[k]!);
      let e = 0;
      for (let k = a; k < b; k++) e += w[k]! * (fares[k]! - S / W) ** 2;
      return e;
    };
    const costs = [1, 2, 3].map((cut) => sse(0, cut) + sse(cut, 4));
    const best = 1 + costs.indexOf(Math.min(...costs));
    const classes = r.legs[0]!.classes;
    expect(classes).toHaveLength(2);
    expect(classes[0]!.products).toHaveLength(best);
    // class fare = demand-weighted mean; pooled normal demand: summed means and variances
    const m = w.slice(best).reduce((a, b) => a + b, 0);
    expect(classes[1]!.fare).toBeCloseTo(fares.slice(best).reduce((a, f, k) => a + f * w[best + k]!, 0) / m, 9);
    expect(classes[1]!.demand).toMatchObject({ kind: 'normal', mean: expect.closeTo(m, 9) });
    expect(DAVN_DEFAULTS.virtualClasses).toBe(10);
  });

  it('defaults to the DLP duals for the displacement', async () => {
    const d = await dlp(LINE);
    const r = await davn(LINE);
    if (r.status !== 'ok' || d.status !== 'optimal') throw new Error('solve failed');
    expect(r.bidPrices).toEqual(d.bidPrices);
  });

  it('does not depend on the order of products, and does not mutate its input', async () => {
    const before = structuredClone(LINE);
    const a = await davn(LINE, { bidPrices: PRICES });
    const b = await davn({ ...LINE, products: [...LINE.products].reverse() }, { bidPrices: PRICES });
    expect(LINE).toEqual(before);
    if (a.status !== 'ok' || b.status !== 'ok') throw new Error('failed');
    expect(b.legs.map((l) => l.protectionLevels)).toEqual(a.legs.map((l) => l.protectionLevels));
    expect(b.classOf).toEqual(a.classOf);
  });

  it('productClasses and the legs\' booking limits, as plain data, give accept\'s answer on every state (sold_i < b_{i,c} on every leg)', async () => {
    const net: Network = {
      resources: [{ id: 'AB', capacity: 4 }, { id: 'BC', capacity: 3 }],
      products: [
        { id: 'AB-Y', fare: 500, resources: ['AB'], demand: { kind: 'poisson', mean: 2 } },
        { id: 'AB-M', fare: 200, resources: ['AB'], demand: { kind: 'poisson', mean: 3 } },
        { id: 'AC-Y', fare: 700, resources: ['AB', 'BC'], demand: { kind: 'poisson', mean: 2 } },
        { id: 'CB-M', fare: 150, resources: ['BC', 'AB'], demand: { kind: 'poisson', mean: 2 } },
        { id: 'BC-M', fare: 90, resources: ['BC'], demand: { kind: 'poisson', mean: 4 } },
      ],
    };
    const r = await davn(net, { bidPrices: { AB: 120, BC: 100 } });
    if (r.status !== 'ok') throw new Error(r.status);
    // the arrays agree with the by-id record, in the product's own resource order
    net.products.forEach((p, j) => p.resources.forEach((rid, k) => expect(r.productClasses[j]![k]).toBe(r.classOf[p.id]![rid])));
    expect(r.productClasses[3]).toEqual([r.classOf['CB-M']!.BC, r.classOf['CB-M']!.AB]);
    expect(r.legs.map((l) => l.resource)).toEqual(['AB', 'BC']);
    const idx = new Map(net.resources.map((res, i) => [res.id, i]));
    for (let a = 0; a <= 4; a++)
      for (let b = 0; b <= 3; b++) {
        const x = [a, b];
        net.products.forEach((p, j) => {
          const open = p.resources.every((rid, k) => {
            const i = idx.get(rid)!;
            const c = r.productClasses[j]![k]!;
            const sold = r.legs[i]!.capacity - x[i]!;
            return c >= 0 && x[i]! >= 1 && sold < r.legs[i]!.bookingLimits[c]!;
          });
          expect(r.accept(j, x)).toBe(open);
        });
      }
  });

  it('refuses an unknown product with a YieldInputError, not a RangeError', async () => {
    const r = await davn(LINE, { bidPrices: PRICES });
    if (r.status !== 'ok') throw new Error(r.status);
    expect(() => r.accept('nowhere', [1, 1])).toThrowError(YieldInputError);
  });

  it('throws YieldInputError naming the field for bad input', async () => {
    await expect(davn(LINE, { bidPrices: { AB: 0, XY: 1 } })).rejects.toThrowError(/options.bidPrices.XY: unknown resource id/);
    await expect(davn(LINE, { bidPrices: { AB: 0 } })).rejects.toThrowError(/options.bidPrices.BC: missing bid price/);
    await expect(davn(LINE, { bidPrices: [0, Number.NaN] })).rejects.toThrowError(/options.bidPrices\[1\]/);
    await expect(davn(LINE, { virtualClasses: 0 })).rejects.toThrowError(/options.virtualClasses/);
    const nan = { ...LINE, products: [{ ...LINE.products[0]!, fare: Number.NaN }, ...LINE.products.slice(1)] };
    await expect(davn(nan, { bidPrices: PRICES })).rejects.toThrowError(/network.products\[0\].fare/);
  });
});
