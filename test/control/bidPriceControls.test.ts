import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bidPriceControls,
  createBidPriceDecider,
  decideBidPrice,
} from '../../src/control/bidPriceControls.js';
import { reoptimizeDlp, reoptimizeSchedule } from '../../src/control/bidPriceReoptimize.js';
import { compileControls, createDecision, decide, networkBookingState, recordSale } from '../../src/control/index.js';
import { dlp } from '../../src/optimize/network/index.js';
import { YieldInputError, type Network } from '../../src/model/index.js';
import { mannheimHotel } from '../optimize/network/networkFixtures.js';

const twoLegs: Network = {
  resources: [{ id: 'AB', capacity: 100 }, { id: 'BC', capacity: 120 }],
  products: [
    { id: 'AB', fare: 200, resources: ['AB'], demand: 60 },
    { id: 'BC', fare: 150, resources: ['BC'], demand: 90 },
    { id: 'AC', fare: 300, resources: ['AB', 'BC'], demand: 70 },
  ],
};

describe('decideBidPrice(request, state, controls)', () => {
  const controls = bidPriceControls(twoLegs, { AB: 150, BC: 120 });
  it('accepts when the value beats the summed bid prices and explains the margin', () => {
    const d = decideBidPrice({ product: 'AC' }, { sold: { AB: 10 } }, controls);
    expect(d).toMatchObject({ accept: true, reason: 'accepted', value: 300, hurdle: 270, margin: 30, tie: false });
    expect(d.resources).toEqual([
      { id: 'AB', bidPrice: 150, remaining: 90 },
      { id: 'BC', bidPrice: 120, remaining: 120 },
    ]);
    expect(d.explanation).toBe('accept: AC: value 300 vs bid prices AB 150 + BC 120 = 270, margin 30 per unit');
  });
  it('serialises to JSON with its resources and explanation (built on first read), and carries no state or controls', () => {
    const d = decideBidPrice({ product: 'AC' }, { sold: { AB: 10 } }, controls);
    const json = JSON.parse(JSON.stringify(d));
    expect(json).toEqual({
      accept: true,
      reason: 'accepted',
      product: 'AC',
      quantity: 1,
      value: 300,
      hurdle: 270,
      margin: 30,
      tie: false,
      resources: [
        { id: 'AB', bidPrice: 150, remaining: 90 },
        { id: 'BC', bidPrice: 120, remaining: 120 },
      ],
      explanation: 'accept: AC: value 300 vs bid prices AB 150 + BC 120 = 270, margin 30 per unit',
    });
  });
  it('rejects below the bid prices (offered fare 250 < 270)', () => {
    const d = decideBidPrice({ product: 'AC', fare: 250 }, { sold: {} }, controls);
    expect(d).toMatchObject({ accept: false, reason: 'below-bid-price', margin: -20 });
  });
  it('rejects when a resource has too few units left, whatever the price, naming it', () => {
    const d = decideBidPrice({ product: 'AC', quantity: 3 }, { sold: { BC: 118 } }, controls);
    expect(d).toMatchObject({ accept: false, reason: 'sold-out' });
    expect(d.explanation).toMatch(/^reject: BC has 2 unit\(s\) left, 3 requested/);
  });
  it('applies the tie rule at value = Σ bid prices: accept, reject, or follow the DLP allocation', async () => {
    // DLP of twoLegs: π = (150, 150) and the marginal products BC (80 of 90) and AC (40 of 70) sit exactly
    // at their hurdles (150 and 300).
    const r = await dlp(twoLegs);
    if (r.status !== 'optimal') throw new Error('dlp failed');
    const accept = bidPriceControls(twoLegs, r, { ties: 'accept' });
    const reject = bidPriceControls(twoLegs, r, { ties: 'reject' });
    const byAllocation = bidPriceControls(twoLegs, r, { ties: 'allocation' });
    const s = { sold: {} };
    expect(decideBidPrice({ product: 'AC' }, s, accept)).toMatchObject({ accept: true, reason: 'tie-accepted', tie: true });
    expect(decideBidPrice({ product: 'AC' }, s, reject)).toMatchObject({ accept: false, reason: 'tie-rejected' });
    expect(decideBidPrice({ product: 'AC' }, { sold: {}, productSold: { AC: 39 } }, byAllocation).accept).toBe(true);
    expect(decideBidPrice({ product: 'AC' }, { sold: {}, productSold: { AC: 40 } }, byAllocation)).toMatchObject({
      accept: false,
      reason: 'allocation-exhausted',
    });
    // a product above its hurdle is accepted whatever its sales: AB local (200 > 150)
    expect(decideBidPrice({ product: 'AB' }, { sold: {}, productSold: { AB: 1000 } }, byAllocation).reason).toBe('accepted');
  });
  it('counts a value within the relative tolerance of the hurdle as a tie', () => {
    const c = bidPriceControls(twoLegs, { AB: 100.1, BC: 199.9 }, { ties: 'reject' });
    // 100.1 + 199.9 is 300.00000000000006 in floating point: still a tie with 300
    expect(decideBidPrice({ product: 'AC' }, { sold: {} }, c)).toMatchObject({ tie: true, reason: 'tie-rejected' });
  });
  it('rejects unknown products, bad sales of the resources it reads, bad quantities and values', () => {
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(YieldInputError);
        return (e as YieldInputError).path;
      }
      return 'no error';
    };
    expect(path(() => decideBidPrice({ product: 'XX' }, { sold: {} }, controls))).toBe('request.product');
    // only the product's resources are read (no copy of the capacity vector): a bad count there is named
    expect(path(() => decideBidPrice({ product: 'AC' }, { sold: { BC: -1 } }, controls))).toBe('state.sold.BC');
    expect(path(() => decideBidPrice({ product: 'AC', value: -5 }, { sold: {} }, controls))).toBe('request.value');
    expect(path(() => decideBidPrice({ product: 'AC' }, { sold: { AB: 101 } }, controls))).toBe('state.sold.AB');
    expect(path(() => decideBidPrice({ product: 'AC', quantity: 0 }, { sold: {} }, controls))).toBe('request.quantity');
    expect(path(() => decideBidPrice({ product: 'AC', fare: Number.NaN }, { sold: {} }, controls))).toBe('request.fare');
  });
});

describe('bidPriceControls(network, prices)', () => {
  it('needs a finite, non-negative bid price for every resource and no unknown ids', () => {
    expect(() => bidPriceControls(twoLegs, { AB: 1 })).toThrow(/prices\.BC: missing/);
    expect(() => bidPriceControls(twoLegs, { AB: 1, BC: -2 })).toThrow(/prices\.BC: must be ≥ 0/);
    expect(() => bidPriceControls(twoLegs, { AB: 1, BC: Number.NaN })).toThrow(YieldInputError);
    expect(() => bidPriceControls(twoLegs, { AB: 1, BC: 2, CD: 3 })).toThrow(/prices\.CD: unknown resource/);
    expect(() => bidPriceControls(twoLegs, { AB: 1, BC: 2 }, { ties: 'allocation' })).toThrow(/needs the DLP allocation/);
  });
  it('compiles the hurdle Σ π per product', () => {
    const c = bidPriceControls(mannheimHotel, { night1: 200, night2: 100, night3: 0 });
    expect(Array.from(c.hurdle)).toEqual([300, 300, 100, 0, 200]);
    expect(c.kind).toBe('bid-prices');
  });
  it('does not mutate its inputs', () => {
    const net = structuredClone(twoLegs);
    const prices = { AB: 150, BC: 120 };
    bidPriceControls(net, prices);
    expect(net).toEqual(twoLegs);
    expect(prices).toEqual({ AB: 150, BC: 120 });
  });
});

describe('createBidPriceDecider(controls).decide (hot path)', () => {
  it('agrees with decideBidPrice on random requests and states', () => {
    const controls = bidPriceControls(twoLegs, { AB: 150, BC: 120 });
    const fast = createBidPriceDecider(controls);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 120 }),
        (j, q, value, soldAB, soldBC) => {
          const slow = decideBidPrice({ product: controls.productIds[j]!, quantity: q, fare: value }, { sold: { AB: soldAB, BC: soldBC } }, controls);
          const v = fast.decide(j, q, value, [100 - soldAB, 120 - soldBC]);
          expect(v.accept).toBe(slow.accept);
          expect(v.reason).toBe(slow.reason);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('returns the same reused verdict object (no allocation per call)', () => {
    const fast = createBidPriceDecider(bidPriceControls(twoLegs, { AB: 1, BC: 1 }));
    const rem = new Float64Array([5, 5]);
    expect(fast.decide(0, 1, 10, rem)).toBe(fast.decide(2, 1, 0, rem));
  });
});

describe('reoptimizeSchedule(horizon, times) and reoptimizeDlp(network, state)', () => {
  it('gives 5 equally spaced re-optimisation periods over 200 (Topaloglu 2009 convention)', () => {
    expect(reoptimizeSchedule(200, 5)).toEqual([0, 40, 80, 120, 160]);
    expect(reoptimizeSchedule(7, 3)).toEqual([0, 2, 4]);
    // one schedule function for decide and the simulator: more times than periods = every period once
    expect(reoptimizeSchedule(3, 5)).toEqual([0, 1, 2]);
    expect(() => reoptimizeSchedule(0, 1)).toThrow(YieldInputError);
    expect(() => reoptimizeSchedule(5, 0)).toThrow(YieldInputError);
  });
  it('re-solves with the capacity left and the demand to come (by hand on the two-leg network)', async () => {
    // After 90 seats sold on AB and none on BC, with half of each mean demand still to come: BC has 120
    // seats for at most 45 (BC) + 35 (AC) = 80, so it is slack and π_BC = 0. AB has 10 seats for AB local
    // (200, 30 to come) and AC (300, 35 to come): AC takes all 10 and is marginal (10 < 35), so
    // π_AB = 300 − π_BC = 300. Revenue 10·300 + 45·150 = 9,750.
    const { dlp: r, controls } = await reoptimizeDlp(twoLegs, { sold: { AB: 90 }, remainingDemand: 0.5 });
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal' || !controls) return;
    expect(r.objective).toBeCloseTo(9750, 6);
    expect(r.bidPrices).toEqual({ AB: expect.closeTo(300, 6), BC: expect.closeTo(0, 6) });
    expect(Array.from(controls.capacity)).toEqual([10, 120]);
    expect(decideBidPrice({ product: 'AB' }, { sold: {} }, controls).accept).toBe(false);
  });
  it('rejects sales above capacity and a share outside [0, 1]', async () => {
    await expect(reoptimizeDlp(twoLegs, { sold: { AB: 101 } })).rejects.toMatchObject({ path: 'input.sold.AB' });
    await expect(reoptimizeDlp(twoLegs, { sold: {}, remainingDemand: 1.5 })).rejects.toMatchObject({ path: 'input.remainingDemand' });
  });
});

describe("decide(request, state, controls) with kind: 'bid-prices'", () => {
  it('dispatches to the network rule and agrees with decideBidPrice', () => {
    const controls = bidPriceControls(twoLegs, { AB: 150, BC: 120 });
    const state = networkBookingState(controls, { sold: { AB: 99 } });
    expect(decide({ product: 'AC' }, state, controls)).toMatchObject({ accept: true, reason: 'accepted', classIndex: 2, bindingLimit: 0, available: 1 });
    expect(decide({ product: 'AC', quantity: 2 }, state, controls)).toMatchObject({ accept: false, reason: 'sold-out', bindingLimit: 0 });
    const cheap = bidPriceControls(twoLegs, { AB: 150, BC: 160 });
    expect(decide({ product: 2 }, networkBookingState(cheap), cheap).reason).toBe('below-bid-price');
  });
  it('follows the DLP allocation at ties and records sales in the state', async () => {
    const r = await dlp(twoLegs);
    if (r.status !== 'optimal') throw new Error('dlp failed');
    const controls = bidPriceControls(twoLegs, r, { ties: 'allocation' });
    const state = networkBookingState(controls);
    const out = createDecision();
    let sold = 0;
    for (let k = 0; k < 60; k++) {
      const d = decide({ product: 'AC' }, state, controls, out);
      if (!d.accept) {
        expect(d.reason).toBe('allocation-exhausted');
        break;
      }
      recordSale(state, controls, d.classIndex, d.quantity);
      sold++;
    }
    expect(sold).toBe(40); // the DLP allocation of AC
    expect(Array.from(state.sold)).toEqual([40, 40]);
  });
  it('survives a JSON round trip through compileControls', () => {
    const controls = bidPriceControls(twoLegs, { AB: 150, BC: 120 }, { ties: 'reject' });
    const back = compileControls(JSON.parse(JSON.stringify(controls)));
    expect(back.kind).toBe('bid-prices');
    if (back.kind !== 'bid-prices') return;
    expect(Array.from(back.hurdle)).toEqual(Array.from(controls.hurdle));
    expect(back.ties).toBe('reject');
    expect(JSON.stringify(back)).toBe(JSON.stringify(controls));
  });
  it('names spec fields under controls when compiling a bad spec', () => {
    const spec = JSON.parse(JSON.stringify(bidPriceControls(twoLegs, { AB: 150, BC: 120 })));
    const at = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as YieldInputError).path;
      }
      return 'no error';
    };
    expect(at(() => compileControls({ ...spec, bidPrices: { AB: -1, BC: 0 } }))).toBe('controls.bidPrices.AB');
    expect(at(() => compileControls({ ...spec, products: [{ ...spec.products[0], fare: Number.NaN }] }))).toBe('controls.products[0].fare');
    expect(at(() => compileControls({ ...spec, ties: 'maybe' }))).toBe('controls.ties');
  });
  it('rejects a nested-limits state and an unknown product', () => {
    const controls = bidPriceControls(twoLegs, { AB: 1, BC: 1 });
    expect(() => decide({ product: 'AC' }, { kind: 'nested-limits', sold: new Float64Array(2) }, controls)).toThrow(/networkBookingState/);
    expect(() => decide({ product: 'ZZ' }, networkBookingState(controls), controls)).toThrow(YieldInputError);
  });
});
