import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { historyAsOf, type BookingRecord } from '../../src/history/index.js';
import { YieldInputError } from '../../src/model/index.js';
import { AUGUST, asOfArb, dayOf, deepFreeze, historyArb, isoOf } from './fixtures.js';

describe('historyAsOf(records, asOf)', () => {
  it('leaves out a booking made on asOf itself: it is not known at the start of that day', () => {
    // The Online TA booking of AUGUST[1] was made on 2016-08-10.
    expect(historyAsOf(AUGUST, '2016-08-10').map((r) => r.bookingDate)).toEqual(['2016-07-01', '2016-07-20']);
    expect(historyAsOf(AUGUST, '2016-08-11').map((r) => r.bookingDate)).toEqual(['2016-07-01', '2016-08-10', '2016-07-20']);
  });

  it('shows a cancellation only from the day after its status date, and hides the future status date', () => {
    // AUGUST[2] was cancelled on 2016-08-01.
    const on = historyAsOf(AUGUST, '2016-08-01')[1]!;
    expect(on.status).toBe('active');
    expect('statusDate' in on).toBe(false);
    const after = historyAsOf(AUGUST, '2016-08-02')[1]!;
    expect(after).toEqual(AUGUST[2]);
  });

  it('shows a stay once its departure day is past (the guest is in house on the morning of departure)', () => {
    // AUGUST[0]: nights 14 and 15 August, no status date: departs 16 August.
    expect(historyAsOf(AUGUST, '2016-08-16')[0]!.status).toBe('active');
    expect(historyAsOf(AUGUST, '2016-08-17')[0]!.status).toBe('stayed');
    // With a check-out date, that date decides (an early departure on 15 August).
    const early: BookingRecord = { ...AUGUST[0]!, statusDate: '2016-08-15' };
    expect(historyAsOf([early], '2016-08-15')[0]!.status).toBe('active');
    expect(historyAsOf([early], '2016-08-16')[0]).toEqual(early);
  });

  it('dates a cancellation without a status date on the arrival day', () => {
    const undated: BookingRecord = { ...AUGUST[2]!, statusDate: undefined };
    delete (undated as { statusDate?: string }).statusDate;
    expect(historyAsOf([undated], '2016-08-15')[0]!.status).toBe('active');
    expect(historyAsOf([undated], '2016-08-16')[0]!.status).toBe('cancelled');
  });

  it('returns new objects and never mutates the input (deep-frozen input, compared with a structured clone)', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, (records, asOf) => {
        const before = structuredClone(records);
        const out = historyAsOf(deepFreeze(records), asOf);
        expect(records).toEqual(before);
        for (const r of out) expect(records).not.toContain(r);
      }),
      { numRuns: 100 },
    );
  });

  it('never shows a booking made on or after asOf, nor a status date on or after asOf', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, (records, asOf) => {
        for (const r of historyAsOf(records, asOf)) {
          expect(r.bookingDate < asOf).toBe(true);
          if (r.statusDate !== undefined) expect(r.statusDate < asOf).toBe(true);
          // a stay shows only once its check-out (status date, else the departure day) is before asOf
          if (r.status === 'stayed') expect((r.statusDate ?? isoOf(dayOf(r.arrivalDate) + r.nights)) < asOf).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent: applying it twice with the same date changes nothing', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, (records, asOf) => {
        const once = historyAsOf(records, asOf);
        expect(historyAsOf(once, asOf)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('is monotone: the view of an earlier date through a later one is the view of the earlier date', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, asOfArb, (records, d1, d2) => {
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(historyAsOf(historyAsOf(records, late), early)).toEqual(historyAsOf(records, early));
        // and the later view knows every booking the earlier one knows
        expect(historyAsOf(records, late).length).toBeGreaterThanOrEqual(historyAsOf(records, early).length);
      }),
      { numRuns: 200 },
    );
  });

  it('knows the final history once asOf is after every date in it', () => {
    fc.assert(
      fc.property(historyArb, (records) => {
        expect(historyAsOf(records, '2017-01-01')).toEqual(records);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a bad asOf or a bad record, naming the field', () => {
    expect(() => historyAsOf(AUGUST, '2016-02-30')).toThrow(/^asOf: /);
    expect(() => historyAsOf([{ ...AUGUST[0]!, nights: 0 }], '2016-08-01')).toThrow(/^records\[0\]\.nights: /);
    expect(() => historyAsOf([AUGUST[0]!, { ...AUGUST[1]!, arrivalDate: '2016-08-01' }], '2016-08-01')).toThrowError(YieldInputError);
    expect(historyAsOf([], '2016-08-01')).toEqual([]);
  });
});
