import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backtest } from '../../src/forecast/backtest.js';
import { forecastProductDemand } from '../../src/forecast/forecastProductDemand.js';
import { estimatePriceResponse } from '../../src/forecast/estimatePriceResponse.js';
import { validateDemand } from '../../src/model/demand.js';
import { addDays, dayOfWeek, toEpochDay } from '../../src/history/epochDay.js';
import type { BookingRecord } from '../../src/history/bookingRecord.js';
import { handBuiltHotel } from './fixtures.js';

const hotel = handBuiltHotel(90);

describe('backtest(records, { method, asOfDates, horizons })', () => {
  it('scores the hand-built hotel by hand: additive pickup is exact, on-the-books misses what is still to come', () => {
    // Origins Tue 1 and Tue 8 March 2016. Lead 4 lands on Saturdays (final 5): on the books only A
    // (G is booked exactly 4 days before, X is cancelled by then) → error −4 twice. Lead 6 lands on
    // Mondays (final 3): on the books A and X → error −1 twice. Lead 0: A, B, C (+ G) → exact.
    const r = backtest(hotel, { method: ['additive-pickup', 'naive-on-the-books'], asOfDates: ['2016-03-01', '2016-03-08'], horizons: [0, 4, 6] });
    expect(r.origins).toBe(2);
    const [pickup, otb] = r.results;
    for (const l of pickup!.byLead) expect(l.mae).toBeCloseTo(0, 12);
    expect(otb!.byLead.map((l) => [l.lead, l.n, l.mae, l.bias])).toEqual([
      [0, 2, 0, 0],
      [4, 2, 4, -4],
      [6, 2, 1, -1],
    ]);
    expect(otb!.byLead[1]!.wape).toBeCloseTo(4 / 5, 12);
    // the finals repeat every week, so the seasonal-naive MASE scale is 0 and MASE is not defined
    expect(otb!.overall!.mase).toBeNull();
  });

  it('skips origins without enough history and never scores nights after the last arrival', () => {
    const r = backtest(hotel, { method: 'additive-pickup', asOfDates: ['2016-01-10', '2016-03-25'], horizons: [1, 10] });
    expect(r.skipped).toBe(1);
    // 25 March + 10 = 4 April is after the last arrival (30 March): only lead 1 is scored
    expect(r.results[0]!.byLead.map((l) => l.lead)).toEqual([1]);
  });

  it('rejects bad options naming the field', () => {
    expect(() => backtest(hotel, { method: 'additive-pickup', asOfDates: [], horizons: [1] })).toThrow(/options\.asOfDates/);
    expect(() => backtest(hotel, { method: 'additive-pickup', asOfDates: ['2016-13-01'], horizons: [1] })).toThrow(/options\.asOfDates\[0\]/);
    expect(() => backtest(hotel, { method: 'additive-pickup', asOfDates: ['2016-03-01'], horizons: [-1] })).toThrow(/options\.horizons\[0\]/);
  });
});

describe('forecastProductDemand(records, { asOf, horizonDays })', () => {
  it('gives the demand still to come by arrival night, segment and stay length, worked by hand', () => {
    const d = forecastProductDemand(hotel, { asOf: '2016-03-01', horizonDays: 12 });
    expect(d.status).toBe('ok');
    const at = (date: string, segment: string) => d.products.find((p) => p.arrivalDate === date && p.segment === segment && p.nights === 1);
    // 1 March (lead 0): every booking is made at least a day ahead → nothing still to come, no product
    expect(at('2016-03-01', 'Transient')).toBeUndefined();
    // 2 March (lead 1): C (booked 1 day before) → 1 room on every comparable night, no spread
    expect(at('2016-03-02', 'Transient')!.demand).toEqual({ kind: 'normal', mean: 1, sd: 0 });
    // 4 March (lead 3): B and C (X is booked 20 days before: already made) → 2
    expect(at('2016-03-04', 'Transient')!.demand).toEqual({ kind: 'normal', mean: 2, sd: 0 });
    // Saturday 5 March (lead 4): B, C and the group's 2 rooms (booked 4 days before) → Transient 2, Group 2
    expect(at('2016-03-05', 'Group')!.demand).toEqual({ kind: 'normal', mean: 2, sd: 0 });
    // Sunday 6 March: no group demand at all → no product
    expect(at('2016-03-06', 'Group')).toBeUndefined();
    // 12 March (Saturday, lead 11): A (10 days before), B, C, X (cancels, but it was demand: gross) is
    // booked 20 days before → already made; so A, B, C = 3 and the group 2
    expect(at('2016-03-12', 'Transient')!.demand).toEqual({ kind: 'normal', mean: 3, sd: 0 });
    expect(d.products.every((p) => p.samples === 8)).toBe(true);
  });

  it('returns valid Demand objects, negative binomial when overdispersed, and never a zero-mean product', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 120, maxLength: 120 }), (perNight) => {
        // night i gets perNight[i] one-room bookings made 2 days before (a random, possibly overdispersed count)
        const recs: BookingRecord[] = [];
        perNight.forEach((k, i) => {
          const n = addDays('2016-01-01', i);
          for (let j = 0; j < k; j++)
            recs.push({ bookingDate: addDays(n, -2), arrivalDate: n, nights: 1, rooms: 1, segment: 'S', rate: 80, status: 'stayed' });
        });
        const d = forecastProductDemand(recs, { asOf: '2016-04-01', horizonDays: 5 });
        for (const p of d.products) {
          validateDemand(p.demand, 'demand');
          expect(p.demand.kind === 'normal' || p.demand.kind === 'negative-binomial').toBe(true);
          if (p.demand.kind === 'negative-binomial') expect(p.demand.variance).toBeGreaterThan(p.demand.mean);
          expect((p.demand as { mean: number }).mean).toBeGreaterThan(0);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("reports 'insufficient-history' when the history covers fewer than `window` same-weekday nights, instead of counting unrecorded nights as zero demand", () => {
    // three weeks of one booking a night: 3 same-weekday nights per arrival, window 8 → not enough
    const recs: BookingRecord[] = [];
    for (let i = 0; i < 21; i++) {
      const n = addDays('2016-03-01', i);
      recs.push({ bookingDate: addDays(n, -2), arrivalDate: n, nights: 1, rooms: 1, segment: 'S', rate: 80, status: 'stayed' });
    }
    const short = forecastProductDemand(recs, { asOf: '2016-03-22', horizonDays: 5 });
    expect(short).toMatchObject({ status: 'insufficient-history', asOf: '2016-03-22', products: [] });
    // with window 3 the same history is enough, and every comparable night had 1 booking 2 days out:
    // mean 1, sd 0 (a zero-demand night before the data starts would have pulled the mean below 1)
    const ok = forecastProductDemand(recs, { asOf: '2016-03-22', horizonDays: 5, window: 3 });
    expect(ok.status).toBe('ok');
    const twoOut = ok.products.filter((p) => p.arrivalDate >= '2016-03-24');
    expect(twoOut.length).toBe(3);
    for (const p of twoOut) expect(p.demand).toEqual({ kind: 'normal', mean: 1, sd: 0 });
  });

  it('rejects bad options naming the field', () => {
    expect(() => forecastProductDemand(hotel, { asOf: 'soon', horizonDays: 3 })).toThrow(/options\.asOf/);
    expect(() => forecastProductDemand(hotel, { asOf: '2016-03-01', horizonDays: 3, maxNights: 0 })).toThrow(/options\.maxNights/);
  });
});

describe('estimatePriceResponse(records, { asOf })', () => {
  it('recovers a known elasticity from nights whose rate varies independently of demand', () => {
    // 120 nights; the rate cycles through 80, 100, 125 independently of the season; rooms booked
    // follow q = 2·10⁶·p^(−2) → 312.5, 200, 128 rooms (rounded to whole bookings of 1 room)
    const recs: BookingRecord[] = [];
    for (let i = 0; i < 120; i++) {
      const n = addDays('2016-01-01', i);
      const price = [80, 100, 125][i % 3]!;
      const q = Math.round(2e6 * price ** -2);
      for (let j = 0; j < q; j++)
        recs.push({ bookingDate: addDays(n, -5), arrivalDate: n, nights: 1, rooms: 1, segment: 'Leisure', rate: price, status: 'stayed' });
    }
    const [leisure] = estimatePriceResponse(recs, { asOf: '2016-06-01' });
    expect(leisure!.fit!.status).toBe('ok');
    expect(leisure!.fit!.response.elasticity).toBeCloseTo(2, 2);
    expect(leisure!.willingnessToPay.price).toEqual([80, 100, 125]);
  });

  it("flags the endogenous case: rates raised on busy nights read as 'wrong-sign'", () => {
    const recs: BookingRecord[] = [];
    for (let i = 0; i < 90; i++) {
      const n = addDays('2016-01-01', i);
      const busy = dayOfWeek(toEpochDay(n)) >= 5;
      const [q, price] = busy ? [40, 150] : [15, 90];
      for (let j = 0; j < q; j++)
        recs.push({ bookingDate: addDays(n, -5), arrivalDate: n, nights: 1, rooms: 1, segment: 'Leisure', rate: price + (j % 3), status: 'stayed' });
    }
    const [leisure] = estimatePriceResponse(recs, { asOf: '2016-06-01' });
    expect(leisure!.fit!.status).toBe('wrong-sign');
  });
});
