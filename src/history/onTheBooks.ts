import { fail } from '../internal/validate.js';
import type { BookingRecord } from './bookingRecord.js';
import { asBookingTable, STATUS_CANCELLED, STATUS_NO_SHOW, type BookingTable } from './bookingTable.js';
import { parseEpochDay } from './epochDay.js';
import {
  accumulateNights,
  groupIndex,
  includedSpan,
  makeGrid,
  measureOf,
  nightRange,
  optionsObject,
  type NightGrid,
  type NightGridOptions,
} from './nightGrid.js';

/** @internal 1 for each row on the books at the start of day `asOf` (an epoch day). */
export function onTheBooksMask(table: BookingTable, asOf: number): Uint8Array {
  const include = new Uint8Array(table.length);
  const { bookingDay, status, knownDay } = table;
  for (let i = 0; i < table.length; i++) {
    if ((bookingDay[i] as number) >= asOf) continue;
    const s = status[i] as number;
    if ((s === STATUS_CANCELLED || s === STATUS_NO_SHOW) && (knownDay[i] as number) < asOf) continue;
    include[i] = 1;
  }
  return include;
}

/** @internal An ISO date argument as an epoch day. */
export function dayArgument(date: unknown, path: string): number {
  const d = parseEpochDay(date);
  if (Number.isNaN(d)) fail(path, `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return d;
}

/**
 * On the books as of a date: for each stay night and group (segment), the rooms held by bookings known
 * at the start of `asOf` — made strictly before `asOf`, and neither cancelled nor recorded as a no-show
 * before `asOf`. This is the "bookings on hand" from which pick-up forecasts start.
 *
 *   OTB_D(n, g) = Σ rooms_i  over bookings i of group g that occupy night n with
 *                 bookingDay_i < D  and not (status_i ∈ {cancelled, no-show} and knownDay_i < D)
 *
 * (knownDay = statusDate, or the arrival day when a cancellation has no date). A booking that stayed
 * stays on the books for its nights: for past nights the grid is what was held, not what was sold — use
 * `occupancy` for that. Same rule as `historyAsOf(records, asOf)`: counting its 'active' and 'stayed'
 * records gives the same grid.
 *
 * Reference: Talluri & van Ryzin (2004), §9.4.1 (pick-up forecasting from bookings on hand); Weatherford
 * & Kimes (2003), "A comparison of forecasting methods for hotel revenue management", IJF 19 (the
 * on-the-books snapshot by days before arrival).
 *
 * @param records - booking records, or a `bookingTable` of them
 * @param asOf - the snapshot date, ISO; bookings made on `asOf` itself are not yet known
 * @param options - nights (`firstNight`, `lastNight`), groups (`by`, `keys`), `measure` ('rooms' | 'revenue')
 * @returns a NightGrid of rooms (or revenue) on the books
 * @example
 * import { gridValue, onTheBooks } from 'yieldcraft/history';
 * const records = [
 *   { bookingDate: '2016-07-01', arrivalDate: '2016-08-14', nights: 2, rooms: 1, segment: 'Direct', rate: 120, status: 'stayed' },
 *   { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Online TA', rate: 90, status: 'stayed' },
 *   { bookingDate: '2016-07-20', arrivalDate: '2016-08-15', nights: 3, rooms: 1, segment: 'Online TA', rate: 80,
 *     status: 'cancelled', statusDate: '2016-08-01' },
 * ] as const;
 * gridValue(onTheBooks(records, '2016-08-01'), '2016-08-15'); // => 2 (Direct 1, and the booking cancelled on 1 August)
 * gridValue(onTheBooks(records, '2016-08-02'), '2016-08-15'); // => 1 (the cancellation is now known)
 * gridValue(onTheBooks(records, '2016-08-11'), '2016-08-15'); // => 3 (Online TA's 2 rooms booked on 10 August)
 */
export function onTheBooks(
  records: readonly BookingRecord[] | BookingTable,
  asOf: string,
  options?: NightGridOptions,
): NightGrid {
  const table = asBookingTable(records);
  const day = dayArgument(asOf, 'asOf');
  optionsObject(options);
  const measure = measureOf(options);
  const { keys, index } = groupIndex(table, options?.by, options?.keys);
  const include = onTheBooksMask(table, day);
  const span = includedSpan(table, index, include);
  const { first, days } = nightRange(options, span.lo, span.hi);
  const values = new Float64Array(keys.length * days);
  accumulateNights(table, index, include, measure, first, days, values);
  return makeGrid(first, days, keys, values);
}
