import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastOccupancy, OCCUPANCY_METHODS } from '../../src/forecast/forecastOccupancy.js';
import { cancellationRates } from '../../src/forecast/cancellationRates.js';
import { gridValue, onTheBooks } from '../../src/history/index.js';
import { addDays, dayOfWeek, toEpochDay } from '../../src/history/epochDay.js';
import type { BookingRecord } from '../../src/history/bookingRecord.js';
import { YieldInputError } from '../../src/model/errors.js';
import { handBuiltHotel } from './fixtures.js';

const hotel = handBuiltHotel(90);
const asOf = '2016-03-01'; // night 60 of the fixture: 60 complete nights of history, 30 ahead
const isSaturday = (date: string) => dayOfWeek(toEpochDay(date)) === 6;

describe('cancellationRates(records, { asOf })', () => {
  it('measures cancellation by lead time, worked by hand on the fixture', () => {
    const r = cancellationRates(hotel, { asOf, by: 'segment', buckets: [0, 1, 3, 7, 14] });
    const t = (from: number) => r.rates.find((x) => x.segment === 'Transient' && x.fromLead === from)!;
    // lead 0: A, B, C on the books, nothing cancels → show-up 1
    expect(t(0).cancelProbability).toBe(0);
    expect(t(0).showUpProbability).toBe(1);
    // leads 3–6 per night: A at 3, 4, 5, 6 and X at 5, 6 → 6 room-leads, 2 cancelled → 1/3
    expect(t(3).cancelProbability).toBeCloseTo(1 / 3, 12);
    // leads 7–13: A at 7, 8, 9 and X at 7…13 → 10 room-leads, 7 cancelled → 0.7
    expect(t(7).cancelProbability).toBeCloseTo(0.7, 12);
    // leads ≥ 14: only X (14…19) → everything cancels
    expect(t(14).showUpProbability).toBeCloseTo(0, 12);
    // the Group segment never cancels
    expect(r.rates.filter((x) => x.segment === 'Group').every((x) => x.showUpProbability === 1)).toBe(true);
  });
  it('uses nothing known on or after the as-of date', () => {
    const cut = hotel.filter((b) => b.bookingDate < asOf);
    const later = [...cut, { ...cut[0]!, id: 'late', bookingDate: asOf, arrivalDate: addDays(asOf, 3), status: 'cancelled', statusDate: addDays(asOf, 1) } as BookingRecord];
    expect(cancellationRates(later, { asOf })).toEqual(cancellationRates(cut, { asOf }));
  });
  it('rejects unsorted buckets naming the field', () => {
    expect(() => cancellationRates(hotel, { asOf, buckets: [0, 7, 3] })).toThrow(/options\.buckets\[2\]/);
  });
});

describe('forecastOccupancy(records, { asOf, horizonDays, method })', () => {
  it('forecasts the hand-built hotel exactly with additive pickup by day of week: 3 rooms on weekdays, 5 on Saturdays', () => {
    const f = forecastOccupancy(hotel, { asOf, horizonDays: 14, method: 'additive-pickup' });
    expect(f.status).toBe('ok');
    expect(f.nights).toHaveLength(14);
    for (const n of f.nights) {
      expect(n.method).toBe('additive-pickup');
      expect(n.mean).toBeCloseTo(isSaturday(n.date) ? 5 : 3, 12);
      expect(n.sd).toBeCloseTo(0, 12);
    }
  });

  it('reports on the books as history/onTheBooks does (an independent implementation)', () => {
    const f = forecastOccupancy(hotel, { asOf, horizonDays: 10, method: 'naive-on-the-books', by: 'segment' });
    const grid = onTheBooks(hotel, asOf);
    for (const n of f.nights) {
      const expected = grid.keys.includes(n.segment!) ? gridValue(grid, n.date, n.segment) : 0;
      expect(n.onTheBooks).toBe(expected);
      expect(n.mean).toBe(n.onTheBooks);
    }
    // by hand, lead 6 on a weekday: A (booked 10 days before) and X (cancels 5 days before: not yet) = 2
    const lead6 = f.nights.find((n) => n.lead === 6 && n.segment === 'Transient')!;
    expect(lead6.onTheBooks).toBe(2);
  });

  it('puts the floor at on-the-books × show-up probability and never forecasts below it', () => {
    const f = forecastOccupancy(hotel, { asOf, horizonDays: 14, method: 'pickup-holt-winters', by: 'segment' });
    const lead6 = f.nights.find((n) => n.lead === 6 && n.segment === 'Transient')!;
    // show-up in the 3–6 lead bucket is 2/3 (see cancellationRates above)
    expect(lead6.floor).toBeCloseTo(2 * (2 / 3), 12);
    for (const n of f.nights) expect(n.mean).toBeGreaterThanOrEqual(n.floor - 1e-12);
  });

  it('gives every method a forecast, falling back (and saying so) where a method has no history', () => {
    for (const method of [...OCCUPANCY_METHODS, 'auto'] as const) {
      const f = forecastOccupancy(hotel, { asOf, horizonDays: 7, method });
      expect(f.status).toBe('ok');
      for (const n of f.nights) {
        expect(n.mean).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(n.sd)).toBe(true);
      }
    }
    // 60 nights of history: no same night last year, so that baseline falls back to Holt-Winters
    const ly = forecastOccupancy(hotel, { asOf, horizonDays: 3, method: 'naive-last-year' });
    expect(ly.nights.every((n) => n.method === 'holt-winters')).toBe(true);
  });

  it("reports 'insufficient-history' with fewer than 28 nights known", () => {
    const f = forecastOccupancy(hotel, { asOf: '2016-01-20', horizonDays: 7 });
    expect(f.status).toBe('insufficient-history');
    expect(f.nights).toEqual([]);
  });

  it('applies calendar events above the floor', () => {
    const base = forecastOccupancy(hotel, { asOf, horizonDays: 3, method: 'additive-pickup' });
    const withEvent = forecastOccupancy(hotel, {
      asOf,
      horizonDays: 3,
      method: 'additive-pickup',
      events: [{ name: 'fair', start: addDays(asOf, 1), end: addDays(asOf, 1), effect: { kind: 'multiplicative', factor: 2 } }],
    });
    const b = base.nights[1]!;
    const e = withEvent.nights[1]!;
    expect(e.mean).toBeCloseTo(b.floor + 2 * (b.mean - b.floor), 12);
    expect(e.events).toEqual(['fair']);
    expect(withEvent.nights[0]!.mean).toBe(base.nights[0]!.mean);
  });

  it('rejects bad options naming the field', () => {
    expect(() => forecastOccupancy(hotel, { asOf: '2016-02-30', horizonDays: 7 })).toThrow(/options\.asOf/);
    expect(() => forecastOccupancy(hotel, { asOf, horizonDays: 0 })).toThrow(/options\.horizonDays/);
    expect(() => forecastOccupancy(hotel, { asOf, horizonDays: 7, method: 'magic' as never })).toThrow(/options\.method/);
    expect(() => forecastOccupancy(hotel, { asOf, horizonDays: 7, by: 'room' as never })).toThrow(YieldInputError);
    const bad = [...hotel.slice(0, 3), { ...hotel[3]!, nights: 0 }];
    expect(() => forecastOccupancy(bad, { asOf, horizonDays: 7 })).toThrow(/records\[3\]\.nights/);
  });
});

// ---- properties on random small histories ------------------------------------------------------------
const day0 = toEpochDay('2016-01-01');
const recordArb = fc
  .record({
    arrival: fc.integer({ min: 0, max: 80 }),
    lead: fc.integer({ min: 0, max: 40 }),
    nights: fc.integer({ min: 1, max: 4 }),
    rooms: fc.integer({ min: 1, max: 3 }),
    segment: fc.constantFrom('Direct', 'Online TA', 'Groups'),
    outcome: fc.constantFrom('stayed', 'stayed', 'stayed', 'cancelled', 'no-show'),
    cancelBefore: fc.integer({ min: 0, max: 40 }),
  })
  .map((r): BookingRecord => {
    const arrival = addDays('2016-01-01', r.arrival);
    const booked = addDays(arrival, -r.lead);
    const statusDate =
      r.outcome === 'cancelled' ? addDays(arrival, -Math.min(r.cancelBefore, r.lead)) : r.outcome === 'no-show' ? arrival : addDays(arrival, r.nights);
    return { bookingDate: booked, arrivalDate: arrival, nights: r.nights, rooms: r.rooms, segment: r.segment, rate: 90, status: r.outcome, statusDate };
  });
const historyArb = fc.array(recordArb, { minLength: 30, maxLength: 120 });
const asOfArb = fc.integer({ min: 45, max: 70 }).map((k) => addDays('2016-01-01', k));
const methodArb = fc.constantFrom(...OCCUPANCY_METHODS);

describe('forecastOccupancy: properties', () => {
  it('never forecasts a negative or non-finite number, nor demand below the floor or occupancy above demand, and does not mutate its input', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, methodArb, fc.constantFrom('total', 'segment') as fc.Arbitrary<'total' | 'segment'>, (recs, d, method, by) => {
        const copy = structuredClone(recs);
        const f = forecastOccupancy(recs, { asOf: d, horizonDays: 10, method, by });
        expect(recs).toEqual(copy);
        for (const n of f.nights) {
          expect(Number.isFinite(n.mean) && n.mean >= 0).toBe(true);
          expect(Number.isFinite(n.sd) && n.sd >= 0).toBe(true);
          // demand never below the floor; occupancy never above demand
          if (n.method !== 'naive-on-the-books') expect(n.demand.mean).toBeGreaterThanOrEqual(n.floor - 1e-9);
          expect(n.mean).toBeLessThanOrEqual(n.demand.mean + 1e-9);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('never lowers the on-the-books when a booking is added', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, recordArb, (recs, d, extra) => {
        fc.pre(extra.bookingDate < d);
        const a = forecastOccupancy(recs, { asOf: d, horizonDays: 10, method: 'naive-on-the-books' });
        const b = forecastOccupancy([...recs, extra], { asOf: d, horizonDays: 10, method: 'naive-on-the-books' });
        fc.pre(a.status === 'ok' && b.status === 'ok');
        a.nights.forEach((n, i) => expect(b.nights[i]!.onTheBooks).toBeGreaterThanOrEqual(n.onTheBooks));
      }),
      { numRuns: 40 },
    );
  });

  it('leaks no future information: bookings made, and statuses learned, on or after the as-of date change nothing', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, methodArb, fc.array(recordArb, { maxLength: 20 }), (recs, d, method, extra) => {
        const D = toEpochDay(d);
        // the future: new bookings made on/after D, and every status change dated on/after D rewritten
        const future = extra.map((r) => ({ ...r, bookingDate: d, arrivalDate: r.arrivalDate < d ? d : r.arrivalDate, statusDate: undefined, status: 'no-show' as const }));
        const rewritten = recs.map((r) =>
          r.bookingDate < d && r.statusDate !== undefined && toEpochDay(r.statusDate) >= D && toEpochDay(r.arrivalDate) >= D
            ? { ...r, status: 'cancelled' as const, statusDate: addDays(d, 2) }
            : r,
        );
        const a = forecastOccupancy(recs, { asOf: d, horizonDays: 10, method });
        const b = forecastOccupancy([...rewritten, ...future], { asOf: d, horizonDays: 10, method });
        expect(b).toEqual(a);
      }),
      { numRuns: 25 },
    );
  });

  it('is invariant to the order of the records', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, (recs, d) => {
        const a = forecastOccupancy(recs, { asOf: d, horizonDays: 7, method: 'pickup-holt-winters', by: 'segment' });
        const b = forecastOccupancy([...recs].reverse(), { asOf: d, horizonDays: 7, method: 'pickup-holt-winters', by: 'segment' });
        expect(b).toEqual(a);
      }),
      { numRuns: 15 },
    );
  });
  void day0;
});
