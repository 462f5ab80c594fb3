import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bookingTable, NEVER, safeParseBookingRecord, type BookingRecord } from '../../src/history/index.js';
import { YieldInputError } from '../../src/model/index.js';
import { AUGUST, dayOf, historyArb } from './fixtures.js';

describe('bookingTable(records)', () => {
  it('lays the records out as epoch days, with the day each final status becomes known', () => {
    const t = bookingTable(AUGUST);
    expect(t.length).toBe(3);
    expect(Array.from(t.bookingDay)).toEqual(AUGUST.map((r) => dayOf(r.bookingDate)));
    expect(Array.from(t.status)).toEqual([3, 3, 1]);
    // stays without a status date: known on the departure day; the cancellation on its status date.
    expect(Array.from(t.knownDay)).toEqual([dayOf('2016-08-16'), dayOf('2016-08-16'), dayOf('2016-08-01')]);
    expect([t.firstNight, t.lastNight]).toEqual([dayOf('2016-08-14'), dayOf('2016-08-17')]);
    expect(bookingTable([{ ...AUGUST[0]!, status: 'active' }]).knownDay[0]).toBe(NEVER);
    expect(t.records).toBe(AUGUST);
  });

  it('accepts exactly the records the zod schema accepts, and names the same field', () => {
    const ok = AUGUST[2]!;
    const bad: [string, unknown][] = [
      ['bookingDate', { ...ok, bookingDate: '2016-7-20' }],
      ['arrivalDate', { ...ok, arrivalDate: '2016-07-19' }],
      ['nights', { ...ok, nights: 1.5 }],
      ['rooms', { ...ok, rooms: 0 }],
      ['rate', { ...ok, rate: -0.01 }],
      ['rate', { ...ok, rate: Infinity }],
      ['segment', { ...ok, segment: '' }],
      ['status', { ...ok, status: 'checked-out' }],
      ['statusDate', { ...ok, statusDate: '2016-07-19' }],
      ['statusDate', { ...ok, status: 'stayed', statusDate: '2016-08-14' }],
      ['statusDate', { ...ok, status: 'no-show', statusDate: '2016-08-14' }],
    ];
    for (const [field, record] of bad) {
      const z = safeParseBookingRecord(record);
      expect(z.success).toBe(false);
      if (!z.success) expect(z.error.path).toBe(`record.${field}`);
      expect(() => bookingTable([ok, record as BookingRecord])).toThrow(new RegExp(`^records\\[1\\]\\.${field}: `));
    }
    fc.assert(
      fc.property(historyArb, (records) => {
        for (const r of records) expect(safeParseBookingRecord(r).success).toBe(true);
        expect(bookingTable(records).length).toBe(records.length);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects what is not a list of records', () => {
    expect(() => bookingTable('x' as unknown as BookingRecord[])).toThrowError(YieldInputError);
    expect(() => bookingTable([null as unknown as BookingRecord])).toThrow(/^records\[0\]: /);
  });
});
