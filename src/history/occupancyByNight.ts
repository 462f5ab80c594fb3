import type { BookingRecord } from './bookingRecord.js';
import { asBookingTable, STATUS_STAYED, type BookingTable } from './bookingTable.js';
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

/**
 * Occupancy by night and group: the room-nights (or the room revenue) of the bookings that stayed (the
 * occupancy *rate*, occupied / capacity, is `occupancy` in `metrics/`).
 * A stay of `nights` nights from `arrivalDate` with `rooms` rooms adds `rooms` to each night
 * arrivalDate … arrivalDate + nights − 1 (the departure day is not a night of the stay).
 *
 *   occ(n, g) = Σ rooms_i over bookings i of group g with status 'stayed' and
 *               arrivalDay_i ≤ n < arrivalDay_i + nights_i
 *
 * Uses the records' final status: for the occupancy known on a past date, pass
 * `historyAsOf(records, asOf)`. Nights are the booked nights (a guest who checked out early still counts
 * for the nights booked). Occupancy rate = occ / capacity, which the data does not hold.
 *
 * Reference: Talluri & van Ryzin (2004), §10.1.1 (hotel occupancy by stay night); Antonio, de Almeida &
 * Nunes (2019) for the stay-night convention (weekend + week nights from the arrival date).
 *
 * @param records - booking records, or a `bookingTable` of them
 * @param options - nights (`firstNight`, `lastNight`), groups (`by`, `keys`), `measure` ('rooms' | 'revenue')
 * @returns a NightGrid of room-nights (or revenue) sold
 * @example
 * import { gridValue, occupancyByNight } from 'yieldcraft/history';
 * const stays = [
 *   { bookingDate: '2016-07-01', arrivalDate: '2016-08-14', nights: 2, rooms: 1, segment: 'Direct', rate: 120, status: 'stayed' },
 *   { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Online TA', rate: 90, status: 'stayed' },
 * ] as const;
 * gridValue(occupancyByNight(stays), '2016-08-15');                         // => 3
 * gridValue(occupancyByNight(stays, { measure: 'revenue' }), '2016-08-15'); // => 300 (120 + 2 × 90)
 */
export function occupancyByNight(records: readonly BookingRecord[] | BookingTable, options?: NightGridOptions): NightGrid {
  const table = asBookingTable(records);
  optionsObject(options);
  const measure = measureOf(options);
  const { keys, index } = groupIndex(table, options?.by, options?.keys);
  const include = new Uint8Array(table.length);
  for (let i = 0; i < table.length; i++) include[i] = table.status[i] === STATUS_STAYED ? 1 : 0;
  const span = includedSpan(table, index, include);
  const { first, days } = nightRange(options, span.lo, span.hi);
  const values = new Float64Array(keys.length * days);
  accumulateNights(table, index, include, measure, first, days, values);
  return makeGrid(first, days, keys, values);
}
