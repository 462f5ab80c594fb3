import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lagrangianRelaxation } from '../../../src/optimize/network/lagrangianRelaxation.js';
import { dlp } from '../../../src/optimize/network/dlp.js';
import { dailyScratch, legBackward, legBackwardDaily, legForward, legForwardDaily } from '../../../src/optimize/network/lagrangianKernels.js';
import { YieldInputError } from '../../../src/model/errors.js';
import { weekend } from './dailyFixtures.js';


describe('legForwardDaily (the daily leg DP’s forward pass)', () => {
  it('gives, per day, the average over its K sub-periods of what legForward gives on the expanded one-request-per-period leg', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        (u, r, cap, K) => {
          // one leg, 3 products, 3 days (the identity is arithmetic: it holds whatever the probabilities)
          const H = 3;
          const nJ = 3;
          const units = Float64Array.from(u, (x) => x / 3);
          const rev = Float64Array.from(r);
          const sc = dailyScratch();
          const V = new Float64Array((H + 1) * (cap + 1));
          const all = new Float64Array((H * K + 1) * (cap + 1));
          legBackwardDaily(H, nJ, cap, K, units, rev, V, sc, all);
          const acc = new Float64Array(H * nJ);
          const dist = new Float64Array(cap + 1);
          const next = new Float64Array(cap + 1);
          legForwardDaily(H, nJ, cap, K, cap, units, rev, all, acc, dist, next, new Float64Array(nJ + 1), sc);
          // the expanded leg: H·K periods, probabilities u/K, the same revenue all day
          const T = H * K;
          const pl = new Float64Array(T * nJ);
          const rl = new Float64Array(T * nJ);
          for (let t = 0; t < T; t++)
            for (let k = 0; k < nJ; k++) {
              const d = Math.floor(t / K);
              pl[t * nJ + k] = units[d * nJ + k]! / K;
              rl[t * nJ + k] = rev[d * nJ + k]!;
            }
          const W = new Float64Array((T + 1) * (cap + 1));
          legBackward(T, nJ, cap, pl, rl, W);
          for (let x = 0; x < W.length; x++) expect(all[x]!).toBeCloseTo(W[x]!, 9);
          const accT = new Float64Array(T * nJ);
          legForward(T, nJ, cap, cap, pl, rl, W, accT, new Float64Array(cap + 1), new Float64Array(cap + 1));
          for (let d = 0; d < H; d++)
            for (let k = 0; k < nJ; k++) {
              if (!(rev[d * nJ + k]! > 0 && units[d * nJ + k]! > 0)) continue; // never accepted by either: not compared
              let avg = 0;
              for (let s = 0; s < K; s++) avg += accT[(d * K + s) * nJ + k]!;
              expect(acc[d * nJ + k]!).toBeCloseTo(avg / K, 9);
            }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('lagrangianRelaxation(dailyProcess)', () => {
  it('with one sub-period a day, follows the one-request-per-period relaxation step by step (before any step halving)', () => {
    const units = [0.2, 0.1, 0.1, 0.3, 0.1, 0.3, 0.2, 0.2, 0.3, 0.3, 0.1, 0.1];
    const daily = lagrangianRelaxation(weekend(units), { iterations: 4, maxStepProbability: 1 });
    const network = lagrangianRelaxation({ network: weekend(units).network, periods: 3, arrivalProbabilities: units }, { iterations: 4 });
    expect(Array.from(daily.subPeriodsPerDay!)).toEqual([1, 1]);
    expect(daily.history.length).toBe(network.history.length);
    daily.history.forEach((b, k) => expect(b).toBeCloseTo(network.history[k]!, 9));
  });

  it('started from the DLP duals, bounds no higher than the DLP (Topaloglu 2009, §3), and never worsens its best bound', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 16, maxLength: 16 }), fc.integer({ min: 1, max: 5 }), async (u, c) => {
        const p = weekend(u, [c, c + 1]);
        const demand = [0, 1, 2, 3].map((j) => u.filter((_, k) => k % 4 === j).reduce((a, b) => a + b, 0));
        const lp = await dlp({ ...p.network, products: p.network.products.map((q, j) => ({ ...q, demand: demand[j]! })) });
        if (lp.status !== 'optimal') throw new Error(lp.status);
        const r = lagrangianRelaxation(p, { iterations: 6, initialBidPrices: lp.bidPriceArray });
        expect(r.bound).toBeLessThanOrEqual(lp.objective + 1e-6 * Math.max(1, lp.objective));
        expect(r.bound).toBeLessThanOrEqual(r.history[0]! + 1e-9);
        expect(r.bound).toBe(Math.min(...r.history));
      }),
      { numRuns: 25 },
    );
  });

  it('gives tables a hotel policy can read: one row per day, a finite hurdle, a refusal when no room is left', () => {
    const r = lagrangianRelaxation(weekend([1, 1, 0.5, 0.5, 2, 2, 1, 1, 3, 3, 2, 0.5]), { iterations: 3 });
    expect(r.startPeriod).toBe(0);
    expect(r.periods).toBe(3);
    expect(r.tables[0]!.length).toBe(4 * 4); // 4 rows (days 0 … 3) × states 0 … 3
    expect(Number.isFinite(r.hurdle(2, 1, [2, 2]))).toBe(true);
    expect(r.accept('FriSat-BAR', 1, [0, 2])).toBe(false);
  });

  it('names the field of bad daily input', () => {
    const p = weekend([1, 1, 1, 1]);
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(YieldInputError);
        return (e as YieldInputError).path;
      }
      return undefined;
    };
    expect(path(() => lagrangianRelaxation(p, { maxStepProbability: 0 }))).toBe('options.maxStepProbability');
    expect(path(() => lagrangianRelaxation({ ...p, unitsPerDay: [1, 1, Infinity, 1] }))).toBe('process.unitsPerDay[2]');
    expect(path(() => lagrangianRelaxation(p, { startPeriod: 2 }))).toBe('options.startPeriod');
    expect(path(() => lagrangianRelaxation({ ...p, unitsPerDay: [1e7, 1, 1, 1] }, { maxStepProbability: 1e-6 }))).toBe('process.unitsPerDay');
  });
});
