import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  dayOfWeek,
  fromEpochDay,
  isIsoDate,
  parseEpochDay,
  toEpochDay,
} from '../../src/history/epochDay.js';
import { YieldInputError } from '../../src/model/index.js';

// Independent computation: the JavaScript Date object (UTC milliseconds / 86,400,000), a different
// algorithm from the Hinnant era arithmetic in the implementation.
const viaDate = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('toEpochDay / fromEpochDay', () => {
  it('toEpochDay(date) counts days from 1970-01-01 (0) like Date.UTC does', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    // 2016 is a leap year: 2016-03-01 is one day after 2016-02-29.
    expect(toEpochDay('2016-03-01') - toEpochDay('2016-02-29')).toBe(1);
    expect(toEpochDay('2016-03-01')).toBe(viaDate('2016-03-01'));
  });

  it('toEpochDay(date) agrees with Date.UTC and fromEpochDay inverts it on every day of years 1600..2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('1600-01-01'), max: toEpochDay('2400-12-31') }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromEpochDay(n)).toBe(iso);
        expect(toEpochDay(iso)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('toEpochDay(date) rejects dates that do not exist, naming the field', () => {
    for (const bad of ['2017-02-29', '1900-02-29', '2016-13-01', '2016-00-10', '2016-04-31', '2016-4-1', '2016/04/01', '', '2016-04-01T00:00']) {
      expect(Number.isNaN(parseEpochDay(bad))).toBe(true);
      expect(isIsoDate(bad)).toBe(false);
      expect(() => toEpochDay(bad, 'records[3].arrivalDate')).toThrowError(YieldInputError);
    }
    expect(() => toEpochDay('2017-02-29', 'records[3].arrivalDate')).toThrow(/^records\[3\]\.arrivalDate: /);
    expect(isIsoDate('2000-02-29')).toBe(true); // divisible by 400: a leap year
  });

  it('addDays(date, days) crosses month and year ends', () => {
    expect(addDays('2015-12-31', 1)).toBe('2016-01-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(addDays('2017-04-30', -365)).toBe('2016-04-30');
    expect(() => addDays('2017-04-30', 0.5)).toThrowError(YieldInputError);
  });

  it('dayOfWeek(day) is 0 on Sundays: 2017-04-30 was a Sunday, 2015-07-01 a Wednesday', () => {
    expect(dayOfWeek(toEpochDay('2017-04-30'))).toBe(0);
    expect(dayOfWeek(toEpochDay('2015-07-01'))).toBe(3);
    expect(dayOfWeek(toEpochDay('1969-12-28'))).toBe(0); // negative epoch days
  });
});
