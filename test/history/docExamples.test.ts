/**
 * Every `// =>` in the JSDoc `@example`s of src/history is true: each example is replayed here.
 */
import { describe, expect, it } from 'vitest';
import {
  bookingCurves,
  bookingTable,
  censoring,
  curveOf,
  departureDate,
  gridRows,
  gridValue,
  group,
  historyAsOf,
  leadTime,
  occupancyByNight,
  onTheBooks,
  parseBookingRecord,
  pickup,
  readHotelBookingsCsv,
  rollup,
  stayNights,
  sum,
  fromEpochDay,
  toEpochDay,
} from '../../src/history/index.js';

const records = [
  { bookingDate: '2016-07-01', arrivalDate: '2016-08-14', nights: 2, rooms: 1, segment: 'Direct', rate: 120, status: 'stayed' },
  { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Online TA', rate: 90, status: 'stayed' },
  { bookingDate: '2016-07-20', arrivalDate: '2016-08-15', nights: 3, rooms: 1, segment: 'Online TA', rate: 80, status: 'cancelled', statusDate: '2016-08-01' },
] as const;
const stays = records.slice(0, 2);

describe('the @example of each history function', () => {
  it('epochDay', () => {
    expect(toEpochDay('2016-03-01')).toBe(16861);
    expect(fromEpochDay(16861 - 1)).toBe('2016-02-29');
    expect(() => toEpochDay('2017-02-29')).toThrow();
  });

  it('bookingRecord', () => {
    expect(parseBookingRecord({ bookingDate: '2016-05-01', arrivalDate: '2016-06-10', nights: 3, rooms: 1, segment: 'Online TA', rate: 98.5, status: 'stayed', statusDate: '2016-06-13' }).nights).toBe(3);
    expect(() => parseBookingRecord({ bookingDate: '2016-05-01', arrivalDate: '2016-04-10', nights: 3, rooms: 1, segment: 'Direct', rate: 98.5, status: 'active' })).toThrow(
      'record.arrivalDate: must not be before the booking date 2016-05-01',
    );
  });

  it('readHotelBookingsCsv', () => {
    const csv =
      'hotel,is_canceled,lead_time,arrival_date_year,arrival_date_month,arrival_date_day_of_month,' +
      'stays_in_weekend_nights,stays_in_week_nights,market_segment,adr,reservation_status,reservation_status_date\n' +
      'City Hotel,0,30,2016,March,1,0,2,Direct,95.5,Check-Out,2016-03-03\n' +
      'City Hotel,1,5,2016,March,1,0,0,Direct,95.5,Canceled,2016-02-27\n';
    const { records: rs, rejected } = readHotelBookingsCsv(csv);
    expect(rs).toEqual([{ id: '2', property: 'City Hotel', bookingDate: '2016-01-31', arrivalDate: '2016-03-01', nights: 2, rooms: 1, segment: 'Direct', rate: 95.5, status: 'stayed', statusDate: '2016-03-03' }]);
    expect(rejected).toEqual([{ line: 3, code: 'zero-nights', reason: expect.stringMatching(/^stays_in_weekend_nights \+ stays_in_week_nights = 0: /) }]);
  });

  it('bookingTable', () => {
    const t = bookingTable([{ bookingDate: '2016-01-31', arrivalDate: '2016-03-01', nights: 2, rooms: 1, segment: 'Direct', rate: 95.5, status: 'stayed', statusDate: '2016-03-03' }]);
    expect(t.arrivalDay[0]! - t.bookingDay[0]!).toBe(30);
  });

  it('nightGrid', () => {
    const g = occupancyByNight(stays);
    expect([g.firstNight, g.lastNight, g.keys]).toEqual(['2016-08-14', '2016-08-15', ['Direct', 'Online TA']]);
    expect(gridValue(g, '2016-08-15', 'Online TA')).toBe(2);
    expect(gridValue(g, '2016-08-15')).toBe(3);
    expect(gridRows(g)[0]).toEqual({ night: '2016-08-14', key: 'Direct', value: 1 });
  });

  it('onTheBooks', () => {
    expect(gridValue(onTheBooks(records, '2016-08-01'), '2016-08-15')).toBe(2);
    expect(gridValue(onTheBooks(records, '2016-08-02'), '2016-08-15')).toBe(1);
    expect(gridValue(onTheBooks(records, '2016-08-11'), '2016-08-15')).toBe(3);
  });

  it('occupancyByNight', () => {
    expect(gridValue(occupancyByNight(stays), '2016-08-15')).toBe(3);
    expect(gridValue(occupancyByNight(stays, { measure: 'revenue' }), '2016-08-15')).toBe(300);
  });

  it('pickup', () => {
    const p = pickup(records, '2016-07-25', '2016-08-12', { firstNight: '2016-08-15', lastNight: '2016-08-15' });
    expect([p.booked.total[0], p.cancelled.total[0], p.net.total[0]]).toEqual([2, 1, 1]);
  });

  it('bookingCurves', () => {
    const c = bookingCurves(records, { maxDba: 30 });
    expect(Array.from(curveOf(c, '2016-08-15')).slice(0, 7)).toEqual([3, 3, 3, 3, 3, 3, 1]);
    expect(curveOf(c, '2016-08-15')[14]).toBe(1);
    expect(curveOf(c, '2016-08-15')[15]).toBe(2);
  });

  it('censoring', () => {
    const rs = [
      { bookingDate: '2016-08-01', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Direct', rate: 120, status: 'stayed' },
      { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 2, rooms: 1, segment: 'Groups', rate: 70, status: 'stayed' },
    ] as const;
    const m = censoring(rs, { capacity: 3, maxDba: 30, closures: [{ key: 'Groups', firstNight: '2016-08-16', lastNight: '2016-08-16', closedFrom: '2016-08-12' }] });
    expect(Array.from(m.soldOutDba)).toEqual([5, -1]);
    expect(Array.from(m.closedDba)).toEqual([-1, -1, -1, 4]);
    expect(Array.from(m.censored)).toEqual([1, 0, 1, 1]);
  });

  it('historyAsOf', () => {
    const rs = [
      records[2],
      { bookingDate: '2016-08-01', arrivalDate: '2016-08-02', nights: 1, rooms: 1, segment: 'Direct', rate: 99, status: 'stayed' },
    ] as const;
    expect(historyAsOf(rs, '2016-08-01')).toEqual([{ bookingDate: '2016-07-20', arrivalDate: '2016-08-15', nights: 3, rooms: 1, segment: 'Online TA', rate: 80, status: 'active' }]);
    expect(historyAsOf(rs, '2016-08-02').map((r) => r.status)).toEqual(['cancelled', 'active']);
    expect(historyAsOf(rs, '2016-08-04').map((r) => r.status)).toEqual(['cancelled', 'stayed']);
  });

  it('rollup', () => {
    const rows = [
      { segment: 'Direct', property: 'City Hotel', rooms: 1, nights: 2 },
      { segment: 'Groups', property: 'City Hotel', rooms: 10, nights: 3 },
      { segment: 'Direct', property: 'Resort Hotel', rooms: 2, nights: 1 },
    ];
    expect(rollup(rows, (v) => sum(v, (r) => r.rooms * r.nights), (r) => r.segment)).toEqual(new Map([['Direct', 4], ['Groups', 30]]));
    expect(rollup(rows, (v) => v.length, (r) => r.property, (r) => r.segment)).toEqual(
      new Map([['City Hotel', new Map([['Direct', 1], ['Groups', 1]])], ['Resort Hotel', new Map([['Direct', 1]])]]),
    );
    expect(group(rows, (r) => r.segment).get('Groups')!.length).toBe(1);
  });

  it('recordDates', () => {
    const r = { bookingDate: '2016-02-20', arrivalDate: '2016-02-28', nights: 3 };
    expect(departureDate(r)).toBe('2016-03-02');
    expect(leadTime(r)).toBe(8);
    expect(stayNights(r)).toEqual(['2016-02-28', '2016-02-29', '2016-03-01']);
  });
});
