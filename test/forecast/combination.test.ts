import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combinationWeights } from '../../src/forecast/combinationWeights.js';
import { backtest } from '../../src/forecast/backtest.js';
import { forecastOccupancy } from '../../src/forecast/forecastOccupancy.js';
import { addDays } from '../../src/history/epochDay.js';
import type { BookingRecord } from '../../src/history/bookingRecord.js';
import { mulberry32 } from '../../src/internal/rng.js';

describe('combinationWeights(errors)', () => {
  it('weights candidates by inverse MSE, worked by hand (Bates & Granger 1969; Stock & Watson 2004)', () => {
    // MSE 1, 4 and 16 → weights ∝ 1, 1/4, 1/16 → 16/21, 4/21, 1/21
    const r = combinationWeights([
      [1, -1, 1, -1],
      [2, -2, -2, 2],
      [4, 4, -4, -4],
    ]);
    expect(r.status).toBe('ok');
    expect(r.mse).toEqual([1, 4, 16]);
    r.weights.forEach((w, i) => expect(w).toBeCloseTo([16 / 21, 4 / 21, 1 / 21][i]!, 15));
  });

  it('leaves out candidates with too few points or, when asked, too large an MSE; zero-MSE candidates share the weight', () => {
    // candidate 2 forecast only 1 of 4 points (< half): weight 0 even though its one error is tiny
    const r = combinationWeights([[1, -1, 1, -1], [2, -2, 2, -2], [0.01, null, null, null]]);
    expect(r.points).toEqual([4, 4, 1]);
    expect(r.weights[2]).toBe(0);
    expect(r.weights[0]).toBeCloseTo(0.8, 15);
    expect(combinationWeights([[1, -1], [2, -2]], { maxRatio: 2 }).weights).toEqual([1, 0]);
    expect(combinationWeights([[0, 0], [0, 0], [1, 1]]).weights).toEqual([0.5, 0.5, 0]);
    expect(combinationWeights([[null], [null]]).status).toBe('insufficient-history');
    expect(() => combinationWeights([[1, Number.NaN]])).toThrow(/errors\[0\]\[1\]/);
  });

  it('gives weights that sum to 1, are invariant to scaling the errors, and follow the candidates when permuted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: 5 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (errors, k) => {
          fc.pre(errors.every((row) => row.some((e) => Math.abs(e) > 1e-6)));
          const w = combinationWeights(errors).weights;
          expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
          combinationWeights(errors.map((row) => row.map((e) => e * k))).weights.forEach((x, i) => expect(x).toBeCloseTo(w[i]!, 12));
          const rev = combinationWeights([...errors].reverse()).weights;
          rev.forEach((x, i) => expect(x).toBeCloseTo(w[w.length - 1 - i]!, 12));
        },
      ),
      { numRuns: 50 },
    );
  });
});

// ---- interval coverage on simulated data with a known law ------------------------------------------
// A hotel without a capacity limit: each night, N ~ Poisson(30) one-room, one-night bookings, each made
// a uniform 0–13 days ahead, all staying. The remaining demand at lead L is then Poisson(30·(L+1)/14),
// independent of what is on the books; intervals that know the law would cover 80 % and 95 % of the
// actuals. The forecasts' intervals are estimated from the history, so allow for estimation error.
function poisson(rand: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

describe('prediction intervals: measured coverage', () => {
  it('cover close to 80 % and 95 % of actuals on simulated Poisson demand, by lead time', () => {
    const rand = mulberry32(2024);
    const recs: BookingRecord[] = [];
    for (let i = 0; i < 260; i++) {
      const n = addDays('2016-01-01', i);
      const k = poisson(rand, 30);
      for (let j = 0; j < k; j++) {
        const lead = Math.floor(rand() * 14);
        recs.push({ bookingDate: addDays(n, -lead), arrivalDate: n, nights: 1, rooms: 1, segment: 'S', rate: 80, status: 'stayed', statusDate: addDays(n, 1) });
      }
    }
    const origins = Array.from({ length: 16 }, (_, j) => addDays('2016-04-15', 7 * j));
    const r = backtest(recs, { method: 'auto', asOfDates: origins, horizons: Array.from({ length: 14 }, (_, L) => L), capacity: 'none' });
    expect(r.results[0]!.overall!.n).toBe(16 * 14);
    const o = r.results[0]!.overall!;
    // 224 points: a binomial share near 0.8 has a standard error of about 0.027
    expect(o.coverage80).toBeGreaterThan(0.72);
    expect(o.coverage80).toBeLessThan(0.88);
    expect(o.coverage95).toBeGreaterThan(0.9);
    expect(o.coverage95).toBeLessThanOrEqual(1);
    for (const l of r.results[0]!.byLead) expect(l.coverage95).toBeGreaterThanOrEqual(l.coverage80);
    // the interval of a night is centred near the law's: at lead 12 the remaining demand is Poisson(30·13/14)
    const f = forecastOccupancy(recs, { asOf: '2016-08-01', horizonDays: 13, capacity: 'none' });
    const last = f.nights[12]!;
    expect(last.demand.sd).toBeGreaterThan(0.5 * Math.sqrt((30 * 13) / 14));
    expect(last.demand.sd).toBeLessThan(2 * Math.sqrt((30 * 13) / 14));
  });
});
