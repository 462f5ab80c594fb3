/**
 * A booking table: the same bookings as a list of {@link BookingRecord}s, validated once and laid out
 * column by column in typed arrays of epoch days (days since 1970-01-01), so that the history kernels
 * (on-the-books, occupancy, booking curves, pick-up, censoring) run on integers without parsing a date
 * or allocating per booking. Every history function accepts either the records or a table; build the
 * table once (`bookingTable(records)`) when you call several of them on the same history.
 *
 * When a status change becomes known (the rule `historyAsOf` and every "as of" view share): a change is
 * known as of day D when its day k < D — D's own events are not yet known at the start of D. The day k
 * is `statusDate` when present; without one, a cancellation or no-show is taken to happen on the
 * arrival day, and a stay to end on the departure day (arrival + nights).
 *
 * @example
 * import { bookingTable } from 'yieldcraft/history';
 * const t = bookingTable([{ bookingDate: '2016-01-31', arrivalDate: '2016-03-01', nights: 2, rooms: 1,
 *   segment: 'Direct', rate: 95.5, status: 'stayed', statusDate: '2016-03-03' }]);
 * t.arrivalDay[0] - t.bookingDay[0]; // => 30 (the lead time in days)
 */
import { fail, join } from '../internal/validate.js';
import { BOOKING_STATUSES, type BookingRecord, type BookingStatus } from './bookingRecord.js';
import { parseEpochDay } from './epochDay.js';

/** Status codes in the table's `status` column (indexes into BOOKING_STATUSES). */
export const STATUS_ACTIVE = 0;
export const STATUS_CANCELLED = 1;
export const STATUS_NO_SHOW = 2;
export const STATUS_STAYED = 3;

/** Bookings column by column. Days are epoch days; row i is `records[i]`. */
export interface BookingTable {
  readonly kind: 'booking-table';
  readonly length: number;
  /** The records, as given (not copied; never modified). */
  readonly records: readonly BookingRecord[];
  readonly bookingDay: Int32Array;
  readonly arrivalDay: Int32Array;
  readonly nights: Int32Array;
  readonly rooms: Int32Array;
  /** Rate per room-night. */
  readonly rate: Float64Array;
  /** 0 active, 1 cancelled, 2 no-show, 3 stayed (BOOKING_STATUSES order). */
  readonly status: Uint8Array;
  /** The day the final status becomes known (see the module doc); 2^31 − 1 for 'active'. */
  readonly knownDay: Int32Array;
  /** The segments, sorted; `segmentIndex[i]` is row i's position in it. */
  readonly segments: readonly string[];
  readonly segmentIndex: Int32Array;
  /** The earliest and the latest stay night over all rows (epoch days; an empty table has lastNight < firstNight: 0 and −1). */
  readonly firstNight: number;
  readonly lastNight: number;
}

/** `knownDay` of a booking whose status never changes. */
export const NEVER = 2147483647;

const STATUS_CODE: Readonly<Record<string, number>> = Object.fromEntries(BOOKING_STATUSES.map((s, i) => [s, i]));

function isWhole(x: unknown, min: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x < 2 ** 31;
}

/**
 * Validates `records` (the same rules as `BookingRecordSchema`, checked by hand for speed, naming the
 * field: `records[12].nights`) and lays them out as a {@link BookingTable}. Throws a YieldInputError for
 * the first bad field. Does not copy or modify the records.
 */
export function bookingTable(records: readonly BookingRecord[], path = 'records'): BookingTable {
  if (!Array.isArray(records)) fail(path, `must be an array of booking records, got ${typeof records}`, 'invalid-type');
  const n = records.length;
  const bookingDay = new Int32Array(n);
  const arrivalDay = new Int32Array(n);
  const nights = new Int32Array(n);
  const rooms = new Int32Array(n);
  const rate = new Float64Array(n);
  const status = new Uint8Array(n);
  const knownDay = new Int32Array(n);
  const segmentIndex = new Int32Array(n);
  const segmentCodes = new Map<string, number>();
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = records[i] as BookingRecord | undefined;
    if (typeof r !== 'object' || r === null) fail(join(path, i), 'must be a booking record object', 'invalid-type');
    const b = parseEpochDay(r.bookingDate);
    if (Number.isNaN(b))
      fail(join(join(path, i), 'bookingDate'), `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(r.bookingDate)}`);
    const a = parseEpochDay(r.arrivalDate);
    if (Number.isNaN(a))
      fail(join(join(path, i), 'arrivalDate'), `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(r.arrivalDate)}`);
    if (a < b) fail(join(join(path, i), 'arrivalDate'), `must not be before the booking date ${r.bookingDate}`);
    if (!isWhole(r.nights, 1)) fail(join(join(path, i), 'nights'), `must be a whole number ≥ 1, got ${String(r.nights)}`);
    if (!isWhole(r.rooms, 1)) fail(join(join(path, i), 'rooms'), `must be a whole number ≥ 1, got ${String(r.rooms)}`);
    if (typeof r.rate !== 'number' || !Number.isFinite(r.rate) || r.rate < 0)
      fail(join(join(path, i), 'rate'), `must be a finite number ≥ 0, got ${String(r.rate)}`);
    if (typeof r.segment !== 'string' || r.segment === '')
      fail(join(join(path, i), 'segment'), `must be a non-empty string, got ${JSON.stringify(r.segment)}`);
    const s = STATUS_CODE[r.status as BookingStatus];
    if (s === undefined)
      fail(join(join(path, i), 'status'), `must be one of ${BOOKING_STATUSES.join(', ')}, got ${JSON.stringify(r.status)}`);
    let k: number;
    if (r.statusDate !== undefined) {
      k = parseEpochDay(r.statusDate);
      if (Number.isNaN(k))
        fail(join(join(path, i), 'statusDate'), `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(r.statusDate)}`);
      if (k < b) fail(join(join(path, i), 'statusDate'), `must not be before the booking date ${r.bookingDate}`);
      if ((s === STATUS_STAYED || s === STATUS_NO_SHOW) && k < a)
        fail(join(join(path, i), 'statusDate'), `a ${r.status} cannot be recorded before the arrival date ${r.arrivalDate}`);
    } else k = s === STATUS_STAYED ? a + r.nights : a;
    let code = segmentCodes.get(r.segment);
    if (code === undefined) {
      code = segmentCodes.size;
      segmentCodes.set(r.segment, code);
    }
    segmentIndex[i] = code;
    bookingDay[i] = b;
    arrivalDay[i] = a;
    nights[i] = r.nights;
    rooms[i] = r.rooms;
    rate[i] = r.rate;
    status[i] = s;
    knownDay[i] = s === STATUS_ACTIVE ? NEVER : k;
    if (a < first) first = a;
    if (a + r.nights - 1 > last) last = a + r.nights - 1;
  }
  // Renumber the segments in sorted order.
  const segments = [...segmentCodes.keys()].sort();
  const rank = new Int32Array(segments.length);
  segments.forEach((seg, j) => {
    rank[segmentCodes.get(seg) as number] = j;
  });
  for (let i = 0; i < n; i++) segmentIndex[i] = rank[segmentIndex[i] as number] as number;
  return {
    kind: 'booking-table',
    length: n,
    records,
    bookingDay,
    arrivalDay,
    nights,
    rooms,
    rate,
    status,
    knownDay,
    segments,
    segmentIndex,
    firstNight: n === 0 ? 0 : first,
    lastNight: n === 0 ? -1 : last,
  };
}

/** A table as is, or records turned into one. */
export function asBookingTable(input: readonly BookingRecord[] | BookingTable, path = 'records'): BookingTable {
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && (input as BookingTable).kind === 'booking-table')
    return input as BookingTable;
  return bookingTable(input as readonly BookingRecord[], path);
}
