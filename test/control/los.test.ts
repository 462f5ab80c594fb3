import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hotelNetwork, YieldInputError } from '../../src/model/index.js';
import { losControls } from '../../src/control/index.js';

const nights = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'];
const hotel = hotelNetwork({
  nights: nights.map((date) => ({ date, capacity: 10 })),
  rates: [
    { id: 'BAR', price: 100 },
    { id: 'PKG', price: 70 },
  ],
  maxLengthOfStay: 3,
  demand: () => 1,
});

describe('losControls(hotel, bidPrices)', () => {
  it('opens a stay iff its value covers the sum of the bid prices of its nights (T&vR 2004 eq. 3.9)', () => {
    // Hand arithmetic: bid prices Mon 80, Tue 120, Wed 90, Thu 0.
    // Mon-Wed at BAR: 3 · 100 = 300 ≥ 80 + 120 + 90 = 290 → open, margin 10.
    // Mon-Wed at PKG: 3 · 70 = 210 < 290 → closed.
    const c = losControls(hotel, { '2026-03-09': 80, '2026-03-10': 120, '2026-03-11': 90, '2026-03-12': 0 });
    const s = c.stays.find((x) => x.product === '2026-03-09/3n/BAR')!;
    expect(s).toMatchObject({ value: 300, hurdle: 290, margin: 10, open: true });
    expect(c.open['2026-03-09/3n/PKG']).toBe(false);
    // Tue 1 night at BAR: 100 < 120 → closed; Tue-Thu at BAR: 300 ≥ 210 → open.
    expect(c.open['2026-03-10/1n/BAR']).toBe(false);
    expect(c.open['2026-03-10/3n/BAR']).toBe(true);
  });

  it('reads minimum stay, maximum stay and closed-to-arrival per arrival and rate plan', () => {
    const c = losControls(hotel, { '2026-03-09': 0, '2026-03-10': 150, '2026-03-11': 0, '2026-03-12': 0 });
    const tue = c.arrivals.find((a) => a.arrival === '2026-03-10')!;
    // Tue at BAR: 1n 100 < 150 closed; 2n 200 ≥ 150 open; 3n 300 ≥ 150 open → min stay 2.
    expect(tue.rates[0]).toEqual({ ratePlan: 'BAR', openLengths: [2, 3], minStay: 2, maxStay: 3, closedToArrival: false, exact: true });
    // Tue at PKG: 70, 140 < 150 closed; 3n 210 ≥ 150 open → min stay 3.
    expect(tue.rates[1]).toMatchObject({ ratePlan: 'PKG', openLengths: [3], minStay: 3 });
    expect(tue).toMatchObject({ closedToArrival: false, minStay: 2, maxStay: 3 });
  });

  it('marks closed to arrival when no stay of any rate is open', () => {
    const c = losControls(hotel, { '2026-03-09': 0, '2026-03-10': 0, '2026-03-11': 0, '2026-03-12': 500 });
    const thu = c.arrivals.find((a) => a.arrival === '2026-03-12')!;
    expect(thu).toMatchObject({ closedToArrival: true, minStay: null, maxStay: null });
    expect(thu.rates.every((r) => r.closedToArrival && r.exact)).toBe(true);
  });

  it('says when min/max stay do not describe the open lengths exactly (1 and 3 open, 2 closed)', () => {
    // Mon 90, Tue 200, Wed 0 at BAR 100: 1n 100 ≥ 90 open; 2n 200 < 290 closed; 3n 300 ≥ 290 open.
    const c = losControls(hotel, { '2026-03-09': 90, '2026-03-10': 200, '2026-03-11': 0, '2026-03-12': 0 });
    const mon = c.arrivals[0]!.rates[0]!;
    expect(mon).toEqual({ ratePlan: 'BAR', openLengths: [1, 3], minStay: 1, maxStay: 3, closedToArrival: false, exact: false });
  });

  it('opens a stay whose value equals its hurdle (tie rule), even with rounding noise in the duals', () => {
    // Mon-Tue at PKG: 2 · 70 = 140 = 60 + 80 exactly → open. Mon at BAR: 100 vs 100 + 1e-12 → open (noise).
    const c = losControls(hotel, { '2026-03-09': 60, '2026-03-10': 80, '2026-03-11': 0, '2026-03-12': 0 });
    expect(c.open['2026-03-09/2n/PKG']).toBe(true);
    expect(c.stays.find((s) => s.product === '2026-03-09/2n/PKG')!.margin).toBe(0);
    const noisy = losControls(hotel, { '2026-03-09': 100 + 1e-12, '2026-03-10': 0, '2026-03-11': 0, '2026-03-12': 0 });
    expect(noisy.open['2026-03-09/1n/BAR']).toBe(true);
    // A cent above the value is not noise: closed.
    const above = losControls(hotel, { '2026-03-09': 100.01, '2026-03-10': 0, '2026-03-11': 0, '2026-03-12': 0 });
    expect(above.open['2026-03-09/1n/BAR']).toBe(false);
  });

  it('never opens a stay when a bid price rises', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (prices, which, bump) => {
          const bp = Object.fromEntries(nights.map((d, i) => [d, prices[i]!]));
          const up = { ...bp, [nights[which]!]: prices[which]! + bump };
          const a = losControls(hotel, bp);
          const b = losControls(hotel, up);
          for (const id of Object.keys(a.open)) if (b.open[id]) expect(a.open[id]).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is unchanged when fares and bid prices are both scaled by k', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 2, max: 9 }),
        (prices, k) => {
          const scaled = hotelNetwork({
            nights: nights.map((date) => ({ date, capacity: 10 })),
            rates: [
              { id: 'BAR', price: 100 * k },
              { id: 'PKG', price: 70 * k },
            ],
            maxLengthOfStay: 3,
            demand: () => 1,
          });
          const bp = Object.fromEntries(nights.map((d, i) => [d, prices[i]!]));
          const bpk = Object.fromEntries(nights.map((d, i) => [d, prices[i]! * k]));
          expect(losControls(scaled, bpk).open).toEqual(losControls(hotel, bp).open);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('opens everything at zero bid prices and does not mutate its inputs', () => {
    const bp = Object.freeze(Object.fromEntries(nights.map((d) => [d, 0])));
    const before = structuredClone(hotel);
    const c = losControls(hotel, bp);
    expect(Object.values(c.open).every(Boolean)).toBe(true);
    expect(hotel).toEqual(before);
  });

  it('rejects a missing, NaN, negative or unknown bid price naming the night', () => {
    const ok = Object.fromEntries(nights.map((d) => [d, 10]));
    const expectError = (bp: Record<string, number>, path: string, code: string) => {
      try {
        losControls(hotel, bp);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(YieldInputError);
        expect((e as YieldInputError).path).toBe(path);
        expect((e as YieldInputError).code).toBe(code);
      }
    };
    const { ['2026-03-10']: _drop, ...missing } = ok;
    expectError(missing, 'bidPrices["2026-03-10"]', 'invalid');
    expectError({ ...ok, '2026-03-10': Number.NaN }, 'bidPrices["2026-03-10"]', 'invalid');
    expectError({ ...ok, '2026-03-10': -1 }, 'bidPrices["2026-03-10"]', 'invalid');
    expectError({ ...ok, '2026-04-01': 1 }, 'bidPrices["2026-04-01"]', 'unknown-reference');
  });
});
