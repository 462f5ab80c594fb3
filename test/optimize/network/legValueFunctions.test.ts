import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dpDecomposition } from '../../../src/optimize/network/dpDecomposition.js';
import { lagrangianRelaxation } from '../../../src/optimize/network/lagrangianRelaxation.js';
import { isBidPriceTie, BID_PRICE_TIE_TOLERANCE } from '../../../src/model/bookingPath.js';
import { YieldInputError } from '../../../src/model/errors.js';
import { tinyProcess } from '../../simulate/tinyNetworks.js';

/** One seat, two periods, fare 100 at probability 1/2: V_1(1) = 50, so the bid price in period 0 is 50. */
const ONE_SEAT = {
  network: { resources: [{ id: 'AB', capacity: 1 }], products: [{ id: 'AB-Y', fare: 100, resources: ['AB'], demand: 1 }] },
  periods: 2,
  arrivalProbabilities: [0.5, 0.5],
};

/** Every capacity vector 0 … c_i per leg. */
function states(caps: readonly number[]): number[][] {
  return caps.reduce<number[][]>((acc, c) => acc.flatMap((s) => Array.from({ length: c + 1 }, (_, x) => [...s, x])), [[]]);
}

describe('LegValueFunctions: hurdle and accept (the shared bid-price verdict)', () => {
  it('hurdle(j, t, x) is the sum over the product\'s legs of v_{t+1}(x_i) − v_{t+1}(x_i − 1), computed from value(), and +Infinity on an empty leg', async () => {
    for (const seed of [3, 17, 99, 2024]) {
      const process = tinyProcess(seed);
      const dp = await dpDecomposition(process);
      if (dp.status !== 'ok') throw new Error(dp.status);
      const caps = process.network.resources.map((r) => r.capacity);
      for (let t = 0; t < process.periods; t++)
        for (const x of states(caps))
          process.network.products.forEach((p, j) => {
            const legs = p.resources.map((id) => process.network.resources.findIndex((r) => r.id === id));
            const h = dp.hurdle(j, t, x);
            if (legs.some((i) => x[i] === 0)) return expect(h).toBe(Infinity);
            const bySum = legs.reduce((a, i) => a + dp.value(i, t + 1, x[i]!) - dp.value(i, t + 1, x[i]! - 1), 0);
            expect(h).toBeCloseTo(bySum, 12);
          });
    }
  });

  it('hurdle for q units is the total opportunity cost Σ v_{t+1}(x_i) − v_{t+1}(x_i − q), +Infinity when a leg has fewer than q left', () => {
    const process = { ...ONE_SEAT, network: { ...ONE_SEAT.network, resources: [{ id: 'AB', capacity: 3 }] }, periods: 3, arrivalProbabilities: [0.5, 0.5, 0.5] };
    const lr = lagrangianRelaxation(process);
    expect(lr.hurdle(0, 0, [3], 2)).toBeCloseTo(lr.value('AB', 1, 3) - lr.value('AB', 1, 1), 12);
    expect(lr.hurdle(0, 0, [3], 2)).toBeCloseTo(lr.bidPrice('AB', 0, 3) + lr.bidPrice('AB', 0, 2), 12);
    expect(lr.hurdle(0, 0, [1], 2)).toBe(Infinity);
  });

  it('accepts at the bid price (50) and within the one tie tolerance below it, refuses beyond it (value vs. Σ bid prices)', async () => {
    const dp = await dpDecomposition(ONE_SEAT, { bidPrices: { AB: 0 } });
    if (dp.status !== 'ok') throw new Error(dp.status);
    expect(dp.hurdle(0, 0, [1])).toBe(50);
    const tol = BID_PRICE_TIE_TOLERANCE * 50; // relative to max(1, |value|, |hurdle|)
    expect(dp.accept('AB-Y', 0, [1], 50)).toBe(true);
    expect(dp.accept('AB-Y', 0, [1], 50 - 0.5 * tol)).toBe(true); // a tie, accepted
    expect(dp.accept('AB-Y', 0, [1], 50 - 3 * tol)).toBe(false);
    expect(dp.accept('AB-Y', 0, [1], 49)).toBe(false);
    expect(dp.accept('AB-Y', 0, [1])).toBe(true); // the fare, 100
    expect(dp.accept('AB-Y', 0, [0], 1e9)).toBe(false); // no seat left
  });

  it('accept(j, t, x, v) ⇔ every leg has a unit and (v > hurdle or v ties the hurdle), on random networks, states and values', async () => {
    const process = tinyProcess(4242);
    const lr = lagrangianRelaxation(process, { iterations: 20 });
    const caps = process.network.resources.map((r) => r.capacity);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: process.periods - 1 }),
        fc.constantFrom(...states(caps)),
        fc.integer({ min: 0, max: process.network.products.length - 1 }),
        fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), fc.constant(-1)),
        (t, x, j, raw) => {
          const h = lr.hurdle(j, t, x);
          // -1 stands for "exactly at the hurdle": the tie rule decides
          const v = raw === -1 ? (Number.isFinite(h) ? h : 100) : raw;
          const expected = Number.isFinite(h) && (v > h || isBidPriceTie(v, h));
          expect(lr.accept(j, t, x, v)).toBe(expected);
          expect(lr.accept(process.network.products[j]!.id, t, x, v)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws YieldInputError (never RangeError) naming what is outside the tables', async () => {
    const dp = await dpDecomposition(ONE_SEAT, { bidPrices: { AB: 0 } });
    if (dp.status !== 'ok') throw new Error(dp.status);
    const path = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(YieldInputError);
        return (e as YieldInputError).path;
      }
      return 'no error';
    };
    expect(path(() => dp.accept('nowhere', 0, [1]))).toBe('product');
    expect(path(() => dp.hurdle(3, 0, [1]))).toBe('product');
    expect(path(() => dp.hurdle(0, 2, [1]))).toBe('t');
    expect(path(() => dp.hurdle(0, 0, [2]))).toBe('remaining[0]');
    expect(path(() => dp.hurdle(0, 0, [0.5]))).toBe('remaining[0]');
    expect(path(() => dp.hurdle(0, 0, [-1]))).toBe('remaining[0]');
    expect(path(() => dp.hurdle(0, 0, [1], 0))).toBe('quantity');
    expect(path(() => dp.value('XY', 0, 1))).toBe('resource');
    expect(path(() => dp.value('AB', 0, 2))).toBe('x');
    expect(path(() => dp.bidPrice('AB', 0, 2))).toBe('x');
    expect(path(() => dp.accept('AB-Y', 0, [1], Number.NaN))).toBe('value');
  });
});
