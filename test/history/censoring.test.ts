import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bookingCurves, censoring, type BookingRecord } from '../../src/history/index.js';
import { YieldInputError } from '../../src/model/index.js';
import { deepFreeze, historyArb } from './fixtures.js';

// Two bookings on a 3-room hotel (hand-worked in the comments below).
const SMALL: readonly BookingRecord[] = [
  // Direct, 2 rooms, night 15 Aug, booked 1 Aug (14 days out).
  { bookingDate: '2016-08-01', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Direct', rate: 120, status: 'stayed' },
  // Groups, 1 room, nights 15-16 Aug, booked 10 Aug (5 days before the 15th, 6 before the 16th).
  { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 2, rooms: 1, segment: 'Groups', rate: 70, status: 'stayed' },
];

describe('censoring(records, options)', () => {
  it('marks a night sold out from the DBA at whose close the books reached capacity', () => {
    // 15 Aug: 2 rooms from the close of 1 Aug (DBA 14), 3 from the close of 10 Aug (DBA 5) → full at DBA 5.
    // 16 Aug: 1 room: never full.
    const m = censoring(SMALL, { capacity: 3, maxDba: 30 });
    expect([m.firstNight, m.lastNight, m.keys]).toEqual(['2016-08-15', '2016-08-16', ['Direct', 'Groups']]);
    expect(Array.from(m.soldOutDba)).toEqual([5, -1]);
    expect(Array.from(m.censored)).toEqual([1, 0, 1, 0]);
    // capacity 2: 15 Aug full from the close of 1 Aug (DBA 14).
    expect(Array.from(censoring(SMALL, { capacity: 2, maxDba: 30 }).soldOutDba)).toEqual([14, -1]);
    // capacity by night: 1 room on the 16th → full from the close of 10 Aug = DBA 6.
    const byNight = censoring(SMALL, { capacity: (n) => (n === '2016-08-16' ? 1 : 10), maxDba: 30 });
    expect(Array.from(byNight.soldOutDba)).toEqual([-1, 6]);
  });

  it('marks a closed group from the DBA the closure began, for the closed nights only', () => {
    // Groups closed for 16 Aug from 12 Aug on (4 days out); Direct closed for 15-16 Aug on 8-9 Aug only
    // (DBA 7-6 for the 15th: largest 7; DBA 8-7 for the 16th: largest 8).
    const m = censoring(SMALL, {
      maxDba: 30,
      closures: [
        { key: 'Groups', firstNight: '2016-08-16', lastNight: '2016-08-16', closedFrom: '2016-08-12' },
        { key: 'Direct', firstNight: '2016-08-15', lastNight: '2016-08-16', closedFrom: '2016-08-08', closedUntil: '2016-08-09' },
      ],
    });
    expect(Array.from(m.soldOutDba)).toEqual([-1, -1]); // no capacity given
    expect(Array.from(m.closedDba)).toEqual([7, 8, -1, 4]);
    expect(Array.from(m.censored)).toEqual([1, 1, 0, 1]);
  });

  it('closes every group when the closure names none, up to maxDba when it has no start, and adds unseen groups', () => {
    const m = censoring(SMALL, { maxDba: 30, closures: [{ firstNight: '2016-08-16', lastNight: '2016-08-17' }, { key: 'Corporate', firstNight: '2016-08-15', lastNight: '2016-08-15', closedUntil: '2016-08-13' }] });
    expect(m.keys).toEqual(['Corporate', 'Direct', 'Groups']);
    expect(m.lastNight).toBe('2016-08-17');
    // Corporate (no bookings, closed on the 15th until 13 Aug = from DBA 2 back to the horizon: largest 30),
    // and every group on the 16th and 17th (DBA 0 … 30).
    expect(Array.from(m.closedDba)).toEqual([30, 30, 30, -1, 30, 30, -1, 30, 30]);
  });

  it('counts every booking against capacity even when options.keys lists only some groups', () => {
    const m = censoring(SMALL, { capacity: 3, maxDba: 30, keys: ['Groups'] });
    expect(Array.from(m.soldOutDba)).toEqual([5, -1]);
    expect(m.keys).toEqual(['Groups']);
  });

  it('sold-out marks follow the booking curves and move earlier as capacity shrinks', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 8 }), (records, cap) => {
        const m = censoring(deepFreeze(records), { capacity: cap, maxDba: 20 });
        const c = bookingCurves(records, { maxDba: 20, by: () => 'all', firstNight: m.firstNight || undefined, lastNight: m.lastNight || undefined });
        const smaller = censoring(records, { capacity: Math.max(0, cap - 1), maxDba: 20 });
        for (let t = 0; t < m.days; t++) {
          const curve = Array.from(c.total.subarray(t * 21, t * 21 + 21));
          const full = curve.map((v, d) => (v >= cap ? d : -1));
          expect(m.soldOutDba[t]).toBe(Math.max(...full));
          expect(smaller.soldOutDba[t]).toBeGreaterThanOrEqual(m.soldOutDba[t]!);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rejects bad capacities and closures, naming the field', () => {
    expect(() => censoring(SMALL, { capacity: -1 })).toThrow(/^options\.capacity: /);
    expect(() => censoring(SMALL, { capacity: Number.NaN })).toThrow(/^options\.capacity: /);
    expect(() => censoring(SMALL, { capacity: () => Number.NaN })).toThrow(/^options\.capacity\(2016-08-15\): /);
    expect(() => censoring(SMALL, { closures: [{ firstNight: '2016-08-16', lastNight: '2016-08-15' }] })).toThrow(/^options\.closures\[0\]\.lastNight: /);
    expect(() => censoring(SMALL, { closures: [{ firstNight: '2016-08-15', lastNight: '2016-08-15', closedFrom: '2016-08-10', closedUntil: '2016-08-01' }] })).toThrow(/^options\.closures\[0\]\.closedUntil: /);
    expect(() => censoring(SMALL, { closures: [{ firstNight: 'x', lastNight: '2016-08-15' }] })).toThrow(/^options\.closures\[0\]\.firstNight: /);
    try {
      censoring(SMALL, { keys: ['Direct'], closures: [{ key: 'Groups', firstNight: '2016-08-15', lastNight: '2016-08-15' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(YieldInputError);
      expect((e as YieldInputError).code).toBe('unknown-reference');
    }
  });
});
