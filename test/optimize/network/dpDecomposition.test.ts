import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dpDecomposition } from '../../../src/optimize/network/dpDecomposition.js';
import { dlp } from '../../../src/optimize/network/dlp.js';
import { YieldInputError } from '../../../src/model/errors.js';
import { exactNetworkValue, tinyProcess } from '../../simulate/tinyNetworks.js';

describe('dpDecomposition(process, { bidPrices })', () => {
  it('values one seat over two periods by hand: V_1(1) = 0.5·100 = 50, V_0(1) = 50 + 0.5·(100 − 50) = 75', async () => {
    const process = {
      network: { resources: [{ id: 'AB', capacity: 1 }], products: [{ id: 'AB-Y', fare: 100, resources: ['AB'], demand: 1 }] },
      periods: 2,
      arrivalProbabilities: [0.5, 0.5],
    };
    const dp = await dpDecomposition(process, { bidPrices: { AB: 0 } });
    if (dp.status !== 'ok') throw new Error(dp.status);
    expect(dp.value('AB', 1, 1)).toBe(50);
    expect(dp.value('AB', 0, 1)).toBe(75);
    expect(dp.bidPrice('AB', 0, 1)).toBe(50); // V_1(1) − V_1(0)
    expect(dp.bidPrice('AB', 1, 1)).toBe(0); // last period: nothing left to protect for
    expect(dp.accept('AB-Y', 0, [1])).toBe(true);
    expect(dp.accept('AB-Y', 0, [0])).toBe(false);
  });

  it('prices a connecting product on each leg at its fare less the other leg\'s bid price', async () => {
    const process = {
      network: {
        resources: [{ id: 'AB', capacity: 2 }, { id: 'BC', capacity: 2 }],
        products: [
          { id: 'AC', fare: 800, resources: ['AB', 'BC'], demand: 1 },
          { id: 'AB', fare: 450, resources: ['AB'], demand: 1 },
        ],
      },
      periods: 4,
      arrivalProbabilities: [0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25],
    };
    const dp = await dpDecomposition(process, { bidPrices: { AB: 100, BC: 300 } });
    if (dp.status !== 'ok') throw new Error(dp.status);
    // leg AB sees AC at 800 − 300 = 500 (Barnhart, Belobaba & Odoni 2003: "an $800 total fare … must be
    // reduced by $300" of displacement on the other leg) and AB at 450; leg BC sees AC at 800 − 100 = 700
    expect(Array.from(dp.adjustedFares[0]!)).toEqual([500, 450]);
    expect(Array.from(dp.adjustedFares[1]!)).toEqual([700]);
  });

  it('is the exact network DP when every product uses one leg (nothing to decompose)', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const process = tinyProcess(seed * 31, { localOnly: true });
      const dp = await dpDecomposition(process, { bidPrices: process.network.resources.map(() => 0) });
      if (dp.status !== 'ok') throw new Error(dp.status);
      const sum = process.network.resources.reduce((a, r) => a + dp.value(r.id, 0, r.capacity), 0);
      expect(sum).toBeCloseTo(exactNetworkValue(process), 9);
    }
  });

  it('gives bid prices ≥ 0 that do not increase with capacity, at every period', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const process = tinyProcess(seed);
        const dp = await dpDecomposition(process);
        if (dp.status !== 'ok') throw new Error(dp.status);
        for (const r of process.network.resources)
          for (let t = 0; t < process.periods; t++) {
            let prev = Infinity;
            for (let x = 1; x <= r.capacity; x++) {
              const b = dp.bidPrice(r.id, t, x);
              expect(b).toBeGreaterThanOrEqual(0);
              expect(b).toBeLessThanOrEqual(prev + 1e-9);
              prev = b;
            }
          }
      }),
      { numRuns: 25 },
    );
  });

  it('defaults the other legs\' prices to the DLP duals of the remaining problem', async () => {
    const process = tinyProcess(77);
    const dp = await dpDecomposition(process);
    const d = await dlp(process.network);
    if (dp.status !== 'ok' || d.status !== 'optimal') throw new Error('solve failed');
    for (const [id, v] of Object.entries(d.bidPrices)) expect(dp.bidPrices[id]).toBeCloseTo(v, 9);
  });

  it('re-plans from a later period with the capacity left, and refuses states outside its tables', async () => {
    const process = tinyProcess(1234);
    const cap = process.network.resources.map((r) => Math.max(0, r.capacity - 1));
    const dp = await dpDecomposition(process, { startPeriod: 2, capacity: cap, bidPrices: cap.map(() => 10) });
    if (dp.status !== 'ok') throw new Error(dp.status);
    expect(dp.startPeriod).toBe(2);
    expect(() => dp.value(process.network.resources[0]!.id, 1, 0)).toThrowError(YieldInputError);
    expect(() => dp.bidPrice(process.network.resources[0]!.id, 2, cap[0]! + 1)).toThrowError(YieldInputError);
  });

  it('does not mutate its input and names bad fields', async () => {
    const process = tinyProcess(4);
    const copy = structuredClone(process);
    await dpDecomposition(process);
    expect(process).toEqual(copy);
    await expect(dpDecomposition(process, { bidPrices: { nowhere: 1 } })).rejects.toThrowError(/options.bidPrices.nowhere: unknown resource id/);
    await expect(dpDecomposition(process, { bidPrices: process.network.resources.map(() => -1) })).rejects.toThrowError(/options.bidPrices\[0\]/);
    await expect(dpDecomposition(process, { startPeriod: -1 })).rejects.toThrowError(/options.startPeriod/);
  });
});
