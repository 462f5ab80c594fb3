import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bookingCurves,
  curveOf,
  curveValue,
  gridValue,
  occupancyByNight,
  onTheBooks,
  type BookingRecord,
} from '../../src/history/index.js';
import { AUGUST, BASE, dayOf, deepFreeze, historyArb, isoOf, shuffle } from './fixtures.js';

describe('bookingCurves(records) by hand', () => {
  it('gives the rooms on the books at the close of each day before the night (AUGUST, night 15 Aug)', () => {
    // Direct 1 room booked 45 days out: counts at every DBA ≤ 30. Online TA 2 rooms booked 5 days out
    // (10 Aug): DBA 0 … 5. Online TA 1 room booked 26 days out (20 July), cancelled on 1 Aug (14 days out):
    // held at the close of 20 … 31 July = DBA 26 … 15.
    const c = bookingCurves(AUGUST, { maxDba: 30 });
    const expected = Array.from({ length: 31 }, (_, d) => 1 + (d <= 5 ? 2 : 0) + (d >= 15 && d <= 26 ? 1 : 0));
    expect(Array.from(curveOf(c, '2016-08-15'))).toEqual(expected);
    expect(Array.from(curveOf(c, '2016-08-15', 'Online TA'))).toEqual(expected.map((v) => v - 1));
    expect(curveValue(c, '2016-08-15', 15, 'Online TA')).toBe(1);
    // Night 16 Aug: only the cancelled booking (nights 15-17): held at the close of DBA 27 … 16.
    expect(Array.from(curveOf(c, '2016-08-16')).flatMap((v, d) => (v > 0 ? [d] : []))).toEqual(
      Array.from({ length: 12 }, (_, i) => 16 + i),
    );
  });

  it('counts a booking only on its arrival night with stay: arrival', () => {
    const c = bookingCurves(AUGUST, { maxDba: 30, stay: 'arrival' });
    expect([c.firstNight, c.lastNight]).toEqual(['2016-08-14', '2016-08-15']);
    expect(curveValue(c, '2016-08-14', 0)).toBe(1); // Direct arrives 14 Aug
    expect(curveValue(c, '2016-08-15', 0)).toBe(2); // Online TA's 2 rooms; the cancelled booking is gone
    expect(curveValue(c, '2016-08-16', 0)).toBe(0); // outside the curves
  });

  it('counts a same-day booking at DBA 0 and a cancellation on the night itself out of DBA 0', () => {
    const walkIn: BookingRecord = { bookingDate: '2016-08-15', arrivalDate: '2016-08-15', nights: 1, rooms: 1, segment: 'Direct', rate: 99, status: 'stayed' };
    const lateCancel: BookingRecord = { ...walkIn, bookingDate: '2016-08-01', status: 'cancelled', statusDate: '2016-08-15' };
    const c = bookingCurves([walkIn, lateCancel], { maxDba: 20 });
    expect(Array.from(curveOf(c, '2016-08-15')).slice(0, 3)).toEqual([1, 1, 1]); // walk-in at 0; late cancel held at 1, 2
    expect(curveValue(c, '2016-08-15', 14)).toBe(1);
    expect(curveValue(c, '2016-08-15', 15)).toBe(0);
  });

  it('counts bookings made more than maxDba days out from DBA = maxDba on', () => {
    const c = bookingCurves(AUGUST, { maxDba: 3 });
    expect(Array.from(curveOf(c, '2016-08-14'))).toEqual([1, 1, 1, 1]);
  });

  it('rejects a bad maxDba, stay, night or dba', () => {
    expect(() => bookingCurves(AUGUST, { maxDba: -1 })).toThrow(/^options\.maxDba: /);
    expect(() => bookingCurves(AUGUST, { maxDba: 2.5 })).toThrow(/^options\.maxDba: /);
    expect(() => bookingCurves(AUGUST, { stay: 'departure' as 'night' })).toThrow(/^options\.stay: /);
    const c = bookingCurves(AUGUST, { maxDba: 3 });
    expect(() => curveValue(c, '2016-08-14', 4)).toThrow(/^dba: /);
    expect(() => curveOf(c, '2016-08-32')).toThrow(/^night: /);
    expect(() => curveOf(c, '2016-08-14', 'Nobody')).toThrow(/^key: /);
  });
});

describe('bookingCurves(records) properties', () => {
  it('BC(n, d) = onTheBooks(records, n − d + 1) on night n, for every night and DBA', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 90 }), fc.constantFrom(7, 45), (records, t, maxDba) => {
        // maxDba 7 exercises bookings made further out than the horizon (they count from DBA = maxDba on)
        const night = isoOf(BASE + t);
        const c = bookingCurves(records, { maxDba, firstNight: '2016-01-01', lastNight: '2016-04-30' });
        for (let d = 0; d <= maxDba; d += maxDba > 10 ? 3 : 1) {
          const asOf = isoOf(dayOf(night) - d + 1);
          expect(curveValue(c, night, d)).toBe(gridValue(onTheBooks(records, asOf), night));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('at DBA 0 equals occupancy for stay nights when no cancellation or no-show comes after the night', () => {
    fc.assert(
      fc.property(historyArb, (records) => {
        // keep stays, and cancellations / no-shows dated on or before their arrival
        const clean = records.filter(
          (r) => r.status === 'stayed' || (r.status !== 'active' && (r.statusDate ?? r.arrivalDate) <= r.arrivalDate),
        );
        const range = { maxDba: 10, firstNight: '2016-01-01', lastNight: '2016-04-30' };
        const c = bookingCurves(clean, range);
        const o = occupancyByNight(clean, range);
        for (let t = 0; t < c.days; t++) expect(c.total[t * 11]).toBe(o.total[t]);
      }),
      { numRuns: 100 },
    );
  });

  it('never rises with days before arrival when nothing is cancelled (bookings only accumulate)', () => {
    fc.assert(
      fc.property(historyArb, (records) => {
        const kept = records.filter((r) => r.status === 'active' || r.status === 'stayed');
        const c = bookingCurves(kept, { maxDba: 40 });
        let rises = 0;
        for (let t = 0; t < c.days; t++) for (let d = 1; d <= 40; d++) if (c.total[t * 41 + d]! > c.total[t * 41 + d - 1]!) rises++;
        expect(rises).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('group curves add up to the total curve, whatever the order of the records, without mutating them', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), (records, seed) => {
        const clone = structuredClone(records);
        const c = bookingCurves(deepFreeze(records), { maxDba: 20 });
        expect(bookingCurves(shuffle(records, seed), { maxDba: 20 })).toEqual(c);
        expect(records).toEqual(clone);
        const w = 21;
        let mismatches = 0;
        for (let t = 0; t < c.days; t++)
          for (let d = 0; d < w; d++) {
            let s = 0;
            for (let k = 0; k < c.keys.length; k++) s += c.values[(k * c.days + t) * w + d]!;
            if (s !== c.total[t * w + d]) mismatches++;
          }
        expect(mismatches).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
