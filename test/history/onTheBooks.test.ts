import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bookingTable,
  gridRows,
  gridValue,
  historyAsOf,
  onTheBooks,
  type BookingRecord,
} from '../../src/history/index.js';
import { YieldInputError } from '../../src/model/index.js';
import { AUGUST, asOfArb, bruteNights, bruteOnBooks, deepFreeze, historyArb, recordArb, shuffle } from './fixtures.js';

describe('onTheBooks(records, asOf) by hand', () => {
  it('counts the rooms held at the start of asOf, night by night and segment by segment', () => {
    // As of 2016-08-01: Direct (booked 1 July) holds 14-15 Aug; the Online TA booking of 20 July holds 15-17 Aug
    // (its cancellation on 1 August is not known yet); the Online TA booking of 10 August does not exist yet.
    const g = onTheBooks(AUGUST, '2016-08-01');
    expect([g.firstNight, g.lastNight, g.days, g.keys]).toEqual(['2016-08-14', '2016-08-17', 4, ['Direct', 'Online TA']]);
    expect(Array.from(g.values)).toEqual([1, 1, 0, 0, /* Online TA */ 0, 1, 1, 1]);
    expect(Array.from(g.total)).toEqual([1, 2, 1, 1]);
    // As of 2016-08-11: the cancellation is known, the 2 rooms of 10 August are on the books.
    const h = onTheBooks(AUGUST, '2016-08-11');
    expect(gridRows(h)).toEqual([
      { night: '2016-08-14', key: 'Direct', value: 1 },
      { night: '2016-08-14', key: 'Online TA', value: 0 },
      { night: '2016-08-15', key: 'Direct', value: 1 },
      { night: '2016-08-15', key: 'Online TA', value: 2 },
    ]);
  });

  it('keeps a stay on the books after it happened and drops a no-show once recorded', () => {
    const noShow: BookingRecord = { ...AUGUST[1]!, status: 'no-show', statusDate: '2016-08-15' };
    expect(gridValue(onTheBooks([noShow], '2016-08-15'), '2016-08-15')).toBe(2);
    expect(gridValue(onTheBooks([noShow], '2016-08-16'), '2016-08-15')).toBe(0);
    expect(gridValue(onTheBooks([AUGUST[1]!], '2016-09-30'), '2016-08-15')).toBe(2);
  });

  it('sums revenue (rooms × rate) with measure: revenue', () => {
    // 15 Aug as of 11 Aug: Direct 1 × 120 + Online TA 2 × 90 = 300.
    expect(gridValue(onTheBooks(AUGUST, '2016-08-11', { measure: 'revenue' }), '2016-08-15')).toBe(300);
  });

  it('takes the nights, the groups and their order from the options', () => {
    const g = onTheBooks(AUGUST, '2016-08-01', {
      firstNight: '2016-08-13',
      lastNight: '2016-08-15',
      by: () => 'all',
    });
    expect([g.keys, Array.from(g.values)]).toEqual([['all'], [0, 1, 2]]);
    const k = onTheBooks(AUGUST, '2016-08-01', { keys: ['Online TA', 'Groups'] });
    // Direct is left out; Groups has nothing; nights span what is counted (15-17 Aug).
    expect([k.keys, k.firstNight, Array.from(k.values)]).toEqual([['Online TA', 'Groups'], '2016-08-15', [1, 1, 1, 0, 0, 0]]);
  });

  it('gives an empty grid for no bookings and zero outside the grid', () => {
    const g = onTheBooks([], '2016-08-01');
    expect([g.days, g.firstNight, g.keys.length]).toEqual([0, '', 0]);
    expect(gridValue(g, '2016-08-15')).toBe(0);
    expect(gridValue(onTheBooks(AUGUST, '2016-08-01'), '2017-01-01')).toBe(0);
  });

  it('accepts a booking table as well as records', () => {
    expect(onTheBooks(bookingTable(AUGUST), '2016-08-11')).toEqual(onTheBooks(AUGUST, '2016-08-11'));
  });

  it('rejects bad input naming the field', () => {
    expect(() => onTheBooks(AUGUST, 'yesterday')).toThrow(/^asOf: /);
    expect(() => onTheBooks([{ ...AUGUST[0]!, rooms: -1 }], '2016-08-01')).toThrow(/^records\[0\]\.rooms: /);
    expect(() => onTheBooks([{ ...AUGUST[0]!, rate: Number.NaN }], '2016-08-01')).toThrow(/^records\[0\]\.rate: /);
    expect(() => onTheBooks(AUGUST, '2016-08-01', { firstNight: '2016-08-20', lastNight: '2016-08-10' })).toThrow(/^options\.lastNight: /);
    expect(() => onTheBooks(AUGUST, '2016-08-01', { measure: 'nights' as 'rooms' })).toThrow(/^options\.measure: /);
    expect(() => onTheBooks(AUGUST, '2016-08-01', { keys: ['A', 'A'] })).toThrowError(YieldInputError);
    expect(() => onTheBooks(AUGUST, '2016-08-01', { by: (() => 3) as unknown as () => string })).toThrow(/records\[0\]/);
  });
});

describe('onTheBooks(records, asOf) properties', () => {
  it('matches a brute-force count written from the definition (Date arithmetic, no typed arrays)', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, (records, asOf) => {
        const g = onTheBooks(records, asOf);
        const expected = new Map<string, number>();
        for (const r of records)
          if (bruteOnBooks(r, asOf))
            for (const n of bruteNights(r)) expected.set(`${n}|${r.segment}`, (expected.get(`${n}|${r.segment}`) ?? 0) + r.rooms);
        let total = 0;
        for (const row of gridRows(g)) {
          expect(row.value).toBe(expected.get(`${row.night}|${row.key}`) ?? 0);
          total += row.value;
        }
        expect(total).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with counting the active and stayed records of historyAsOf(records, asOf)', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, (records, asOf) => {
        const known = historyAsOf(records, asOf).filter((r) => r.status === 'active' || r.status === 'stayed');
        const a = onTheBooks(records, asOf);
        const b = onTheBooks(known, asOf, { firstNight: a.firstNight || undefined, lastNight: a.lastNight || undefined });
        expect(Array.from(b.total)).toEqual(Array.from(a.total));
      }),
      { numRuns: 150 },
    );
  });

  it('never lowers when bookings are added', () => {
    fc.assert(
      fc.property(historyArb, fc.array(recordArb, { minLength: 1, maxLength: 5 }), asOfArb, (records, extra, asOf) => {
        const range = { firstNight: '2015-12-01', lastNight: '2016-06-30', by: () => 'all' };
        const before = onTheBooks(records, asOf, range).total;
        const after = onTheBooks([...records, ...extra], asOf, range).total;
        for (let t = 0; t < before.length; t++) expect(after[t]).toBeGreaterThanOrEqual(before[t]!);
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the records, and does not mutate them', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, fc.integer(), (records, asOf, seed) => {
        const shuffled = shuffle(records, seed);
        const clone = structuredClone(records);
        expect(onTheBooks(deepFreeze(records), asOf)).toEqual(onTheBooks(shuffled, asOf));
        expect(records).toEqual(clone);
      }),
      { numRuns: 100 },
    );
  });
});
