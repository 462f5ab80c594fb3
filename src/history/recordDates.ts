/**
 * Dates of one booking, derived by calendar-day arithmetic: the departure date (arrival + nights, the
 * morning the room is freed), the lead time (days from booking to arrival) and the list of stay nights.
 *
 * Reference: Antonio, de Almeida & Nunes (2019): lead time = days between booking and arrival; nights =
 * weekend + week nights from the arrival date.
 *
 * @example
 * import { departureDate, leadTime, stayNights } from 'yieldcraft/history';
 * const r = { bookingDate: '2016-02-20', arrivalDate: '2016-02-28', nights: 3 };
 * departureDate(r); // => '2016-03-02'  (2016 is a leap year)
 * leadTime(r);      // => 8
 * stayNights(r);    // => ['2016-02-28', '2016-02-29', '2016-03-01']
 */
import { fail, object } from '../internal/validate.js';
import type { BookingRecord } from './bookingRecord.js';
import { fromEpochDay, toEpochDay } from './epochDay.js';

function nightsOf(r: Pick<BookingRecord, 'nights'>): number {
  if (!Number.isInteger(r.nights) || r.nights < 1) fail('record.nights', `must be a whole number ≥ 1, got ${String(r.nights)}`);
  return r.nights;
}

/** arrivalDate + nights: the day the guest leaves. */
export function departureDate(record: Pick<BookingRecord, 'arrivalDate' | 'nights'>): string {
  object(record, 'record');
  return fromEpochDay(toEpochDay(record.arrivalDate, 'record.arrivalDate') + nightsOf(record));
}

/** arrivalDate − bookingDate in days (≥ 0 for a valid record). */
export function leadTime(record: Pick<BookingRecord, 'arrivalDate' | 'bookingDate'>): number {
  object(record, 'record');
  return toEpochDay(record.arrivalDate, 'record.arrivalDate') - toEpochDay(record.bookingDate, 'record.bookingDate');
}

/** The nights the stay occupies, ISO: arrivalDate … arrivalDate + nights − 1. */
export function stayNights(record: Pick<BookingRecord, 'arrivalDate' | 'nights'>): string[] {
  object(record, 'record');
  const a = toEpochDay(record.arrivalDate, 'record.arrivalDate');
  const n = nightsOf(record);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = fromEpochDay(a + i);
  return out;
}
