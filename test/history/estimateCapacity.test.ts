import { describe, expect, it } from 'vitest';
import { estimateCapacity, selectProperty, bookingTable } from '../../src/history/index.js';
import { forecastOccupancy } from '../../src/forecast/forecastOccupancy.js';
import { forecastProductDemand } from '../../src/forecast/forecastProductDemand.js';
import type { BookingRecord } from '../../src/history/bookingRecord.js';
import { YieldInputError } from '../../src/model/errors.js';
import { handBuiltHotel } from '../forecast/fixtures.js';

const hotel = handBuiltHotel(90);
const asOf = '2016-03-01';

describe('estimateCapacity(records, { asOf })', () => {
  it('finds the most rooms occupied on any night before the as-of date, worked by hand', () => {
    // the fixture: 3 rooms on weekdays, 5 on Saturdays; the first Saturday is 2 January 2016
    const e = estimateCapacity(hotel, { asOf });
    expect(e).toEqual({ status: 'ok', rooms: 5, night: '2016-01-02', nights: 60, method: 'max-occupied-before-as-of' });
    // before the first Saturday only weekdays are known
    expect(estimateCapacity(hotel, { asOf: '2016-01-02' }).rooms).toBe(3);
    // a lookback of 3 nights ending on a Tuesday sees no Saturday
    expect(estimateCapacity(hotel, { asOf: '2016-03-02', lookbackDays: 3 }).rooms).toBe(3);
    // a booking table gives the same answer
    expect(estimateCapacity(bookingTable(hotel), { asOf })).toEqual(estimateCapacity(hotel, { asOf }));
  });

  it('counts stays over their nights and leaves out what was known cancelled, and nothing dated on or after the as-of date', () => {
    const recs: BookingRecord[] = [
      { bookingDate: '2016-07-01', arrivalDate: '2016-08-14', nights: 2, rooms: 3, segment: 'A', rate: 100, status: 'stayed' },
      { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'B', rate: 90, status: 'stayed' },
      { bookingDate: '2016-08-01', arrivalDate: '2016-08-15', nights: 1, rooms: 9, segment: 'B', rate: 90, status: 'cancelled', statusDate: '2016-08-05' },
      // booked on the as-of date for that night: unknown, and not a night before the as-of date anyway
      { bookingDate: '2016-09-01', arrivalDate: '2016-09-01', nights: 1, rooms: 50, segment: 'B', rate: 90, status: 'stayed' },
    ];
    expect(estimateCapacity(recs, { asOf: '2016-09-01' })).toMatchObject({ rooms: 5, night: '2016-08-15' });
    // as of 5 August the cancellation is not known yet: 3 + 9 rooms on the books for 15 August, but 15
    // August is not before the as-of date, so no night has an occupied room yet
    expect(estimateCapacity(recs, { asOf: '2016-08-05' })).toMatchObject({ status: 'insufficient-history', rooms: 0, night: null });
  });

  it('rejects a property that matches nothing, listing the properties present, and mixed properties unless asked', () => {
    const two = [...hotel.slice(0, 4).map((r) => ({ ...r, property: 'City' })), ...hotel.slice(4, 8).map((r) => ({ ...r, property: 'Resort' }))];
    expect(() => estimateCapacity(two, { asOf, property: 'Beach' })).toThrow(/options\.property: matches no record: the properties present are City, Resort/);
    expect(() => estimateCapacity(two, { asOf })).toThrow(/options\.property: the records hold 2 properties \(City, Resort\)/);
    expect(() => forecastOccupancy(two, { asOf, horizonDays: 3 })).toThrow(YieldInputError);
    expect(() => forecastProductDemand(two, { asOf, horizonDays: 3, property: 'Beach' })).toThrow(/City, Resort/);
    expect(selectProperty(two, undefined, { mix: true })).toHaveLength(8);
    expect(selectProperty(two, 'Resort')).toHaveLength(4);
  });
});

