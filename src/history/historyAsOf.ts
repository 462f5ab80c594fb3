import type { BookingRecord } from './bookingRecord.js';
import { bookingTable, STATUS_ACTIVE } from './bookingTable.js';
import { parseEpochDay } from './epochDay.js';
import { dayArgument } from './onTheBooks.js';

/**
 * The booking history exactly as it was known at the start of day `asOf` — the input a forecast made
 * that morning would have had, so that backtests never peek into the future.
 *
 * Rules (one principle: an event of day k is known as of `asOf` when k < asOf; nothing of `asOf` itself
 * is known yet):
 * - a booking is listed only when it was made strictly before `asOf` (bookingDate < asOf); a booking
 *   made on `asOf` is left out;
 * - its final status shows only when the day it became known is before `asOf`; otherwise the booking is
 *   'active'. That day is `statusDate` when given; without one, a cancellation or no-show is taken to
 *   happen on the arrival day and a stay to end on the departure day (arrival + nights);
 * - so a stay is 'stayed' once its check-out day (`statusDate`, normally the departure day) is before
 *   `asOf`: on the morning of the departure day the guest is still in house ('active');
 * - a `statusDate` on or after `asOf` is removed (it is not known yet); other fields are kept.
 *
 * The result is idempotent (applying it twice with the same date changes nothing) and monotone
 * (historyAsOf(historyAsOf(r, later), earlier) = historyAsOf(r, earlier)). Records are validated, never
 * modified; the result holds new objects, in input order.
 *
 * Reference: Talluri & van Ryzin (2004), §9.4 (forecasting from the bookings on hand at each reading
 * date); the "as-of" (point-in-time) discipline of backtesting.
 *
 * @param records - booking records (final statuses)
 * @param asOf - the snapshot date, ISO YYYY-MM-DD
 * @returns the records known at the start of `asOf`, with their statuses as known then
 * @example
 * import { historyAsOf } from 'yieldcraft/history';
 * const records = [
 *   { bookingDate: '2016-07-20', arrivalDate: '2016-08-15', nights: 3, rooms: 1, segment: 'Online TA', rate: 80,
 *     status: 'cancelled', statusDate: '2016-08-01' },
 *   { bookingDate: '2016-08-01', arrivalDate: '2016-08-02', nights: 1, rooms: 1, segment: 'Direct', rate: 99, status: 'stayed' },
 * ] as const;
 * historyAsOf(records, '2016-08-01');
 * // => [{ bookingDate: '2016-07-20', arrivalDate: '2016-08-15', nights: 3, rooms: 1, segment: 'Online TA', rate: 80,
 * //       status: 'active' }]   (the cancellation of 1 August is not known yet; the second booking not made yet)
 * historyAsOf(records, '2016-08-02').map((r) => r.status); // => ['cancelled', 'active']
 * historyAsOf(records, '2016-08-04').map((r) => r.status); // => ['cancelled', 'stayed'] (departed 3 August)
 */
export function historyAsOf(records: readonly BookingRecord[], asOf: string): BookingRecord[] {
  const table = bookingTable(records);
  const day = dayArgument(asOf, 'asOf');
  const out: BookingRecord[] = [];
  for (let i = 0; i < table.length; i++) {
    if ((table.bookingDay[i] as number) >= day) continue;
    const r = records[i] as BookingRecord;
    const known = table.status[i] === STATUS_ACTIVE || (table.knownDay[i] as number) < day;
    const statusKnown = r.statusDate === undefined || parseEpochDay(r.statusDate) < day;
    if (known && statusKnown) {
      out.push({ ...r });
      continue;
    }
    const { statusDate, ...rest } = r;
    const copy: { -readonly [K in keyof BookingRecord]: BookingRecord[K] } = { ...rest };
    if (statusKnown && statusDate !== undefined) copy.statusDate = statusDate;
    if (!known) copy.status = 'active';
    out.push(copy);
  }
  return out;
}
