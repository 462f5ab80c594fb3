import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dpDecomposition } from '../../../src/optimize/network/dpDecomposition.js';
import { YieldInputError } from '../../../src/model/errors.js';
import type { DailyBookingProcess } from '../../../src/model/dailyBookingProcess.js';
import { weekend } from './dailyFixtures.js';
import type { NetworkBookingProcess } from '../../../src/model/bookingProcess.js';


/**
 * Leg `leg`'s part of the process as a one-request-per-period process: only the products that use the
 * leg (the others do not enter its DP), each day cut into K periods of probability u/K.
 */
function expanded(p: DailyBookingProcess, K: number, leg: string): NetworkBookingProcess {
  const nP = p.network.products.length;
  const keep = p.network.products.flatMap((q, j) => (q.resources.includes(leg) ? [j] : []));
  const probs: number[] = [];
  for (let d = 0; d < p.days; d++) for (let s = 0; s < K; s++) for (const j of keep) probs.push(p.unitsPerDay[d * nP + j]! / K);
  return { network: { resources: p.network.resources, products: keep.map((j) => p.network.products[j]!) }, periods: p.days * K, arrivalProbabilities: probs };
}

const PRICES = { Fri: 30, Sat: 45 };

describe('dpDecomposition(dailyProcess)', () => {
  it('with one sub-period a day, is the one-request-per-period DP decomposition with the days as periods (same tables)', async () => {
    const p = weekend([0.2, 0.1, 0.1, 0.3, 0.1, 0.3, 0.2, 0.2, 0.3, 0.3, 0.1, 0.1]);
    const daily = await dpDecomposition(p, { bidPrices: PRICES, maxStepProbability: 1 });
    const network = await dpDecomposition({ ...expanded(p, 1, 'Fri'), network: p.network, arrivalProbabilities: p.unitsPerDay, periods: p.days }, { bidPrices: PRICES });
    if (daily.status !== 'ok' || network.status !== 'ok') throw new Error('not ok');
    expect(Array.from(daily.subPeriodsPerDay!)).toEqual([1, 1]);
    for (let i = 0; i < 2; i++) {
      const a = daily.tables[i]!;
      const b = network.tables[i]!;
      expect(a.length).toBe(b.length);
      for (let k = 0; k < a.length; k++) expect(a[k]!).toBeCloseTo(b[k]!, 9);
    }
  });

  it('with K sub-periods a day, its day rows are the expanded process’s rows at the start of each day and at mid-day (the sorted-fare recursion equals the plain one)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        async (u, c0, c1) => {
          const p = weekend(u, [c0, c1]);
          const daily = await dpDecomposition(p, { bidPrices: PRICES, maxStepProbability: 0.5 });
          if (daily.status !== 'ok') throw new Error('not ok');
          for (let i = 0; i < 2; i++) {
            const K = daily.subPeriodsPerDay![i]!;
            const id = i === 0 ? 'Fri' : 'Sat';
            const ex = await dpDecomposition(expanded(p, K, id), { bidPrices: PRICES });
            if (ex.status !== 'ok') throw new Error('not ok');
            const cap = i === 0 ? c0 : c1;
            for (let x = 0; x <= cap; x++) {
              // row 0: the start of day 0; row d + 1: ⌊K/2⌋ sub-periods of day d still to come
              expect(daily.value(id, 0, x)).toBeCloseTo(ex.value(id, 0, x), 7);
              for (let d = 0; d < p.days; d++) expect(daily.value(id, d + 1, x)).toBeCloseTo(ex.value(id, (d + 1) * K - Math.floor(K / 2), x), 7);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('values a single-fare night as the fare × E[min(x, N)], N ~ Binomial(days·K, u/K) (accept while rooms are left)', async () => {
    // one night, one product, 5 days of 1.5 expected rooms a day, capacity 6; no other leg to price
    const p: DailyBookingProcess = {
      network: { resources: [{ id: 'N', capacity: 6 }], products: [{ id: 'N-BAR', fare: 100, resources: ['N'], demand: 0 }] },
      days: 5,
      unitsPerDay: [1.5, 1.5, 1.5, 1.5, 1.5],
    };
    const dp = await dpDecomposition(p, { bidPrices: { N: 0 }, maxStepProbability: 0.1 });
    if (dp.status !== 'ok') throw new Error('not ok');
    const K = dp.subPeriodsPerDay![0]!;
    expect(K).toBe(15); // ⌈1.5 / 0.1⌉
    const n = 5 * K;
    const q = 1.5 / K;
    // E[min(x, N)] for N ~ Binomial(n, q), computed here term by term
    const pmf: number[] = [];
    let c = 1;
    for (let k = 0; k <= n; k++) {
      pmf.push(c * q ** k * (1 - q) ** (n - k));
      c = (c * (n - k)) / (k + 1);
    }
    for (let x = 0; x <= 6; x++) {
      const e = pmf.reduce((a, pk, k) => a + pk * Math.min(x, k), 0);
      expect(dp.value('N', 0, x)).toBeCloseTo(100 * e, 8);
    }
    // and near the Poisson limit (mean 7.5): within 1 % (a binomial of 75 trials at 0.1 varies a little less)
    let pois = 0;
    let pk = Math.exp(-7.5);
    for (let k = 0; k < 60; k++) {
      pois += pk * Math.min(6, k);
      pk *= 7.5 / (k + 1);
    }
    expect(Math.abs(dp.value('N', 0, 6) - 100 * pois)).toBeLessThan(0.01 * 100 * pois);
  });

  it('prices with the DLP duals of the remaining horizon by default, and its leg values are non-decreasing in rooms left', async () => {
    const p = weekend([1, 1, 0.5, 0.5, 2, 2, 1, 1, 3, 3, 2, 0.5]);
    const dp = await dpDecomposition(p, { startPeriod: 1, capacity: [2, 3] });
    if (dp.status !== 'ok') throw new Error(dp.status);
    expect(dp.startPeriod).toBe(1);
    expect(dp.periods).toBe(3);
    for (const id of ['Fri', 'Sat'])
      for (let t = 1; t <= 3; t++) for (let x = 1; x <= (id === 'Fri' ? 2 : 3); x++) expect(dp.value(id, t, x)).toBeGreaterThanOrEqual(dp.value(id, t, x - 1) - 1e-9);
    // the last day's bid price of the last room is below its fare: a room is still sold on it
    expect(dp.accept('Sat-BAR', 2, [0, 1])).toBe(true);
  });

  it('rejects bad daily input with a YieldInputError naming the field', async () => {
    const p = weekend([1, 1, 1, 1]);
    const bad = async (q: unknown, o: object = {}) => {
      try {
        await dpDecomposition(q as DailyBookingProcess, o);
      } catch (e) {
        expect(e).toBeInstanceOf(YieldInputError);
        return (e as YieldInputError).path;
      }
      throw new Error('accepted');
    };
    expect(await bad({ ...p, unitsPerDay: [1, -1, 1, 1] })).toBe('process.unitsPerDay[1]');
    expect(await bad({ ...p, unitsPerDay: [1, NaN, 1, 1] })).toBe('process.unitsPerDay[1]');
    expect(await bad({ ...p, unitsPerDay: [1, 1, 1] })).toBe('process.unitsPerDay');
    expect(await bad({ ...p, days: 0 })).toBe('process.days');
    expect(await bad(p, { maxStepProbability: 0 })).toBe('options.maxStepProbability');
    expect(await bad(p, { maxStepProbability: 1.5 })).toBe('options.maxStepProbability');
    expect(await bad(p, { startPeriod: 2 })).toBe('options.startPeriod');
    expect(await bad(p, { capacity: [1] })).toBe('options.capacity');
    expect(await bad({ ...p, unitsPerDay: [1e7, 1, 1, 1] }, { maxStepProbability: 1e-6 })).toBe('process.unitsPerDay');
  });

  it('does not modify its input', async () => {
    const p = weekend([1, 1, 0.5, 0.5, 2, 2, 1, 1]);
    const before = JSON.stringify(p);
    await dpDecomposition(p, { bidPrices: PRICES });
    expect(JSON.stringify(p)).toBe(before);
  });
});
