import { fail, object } from '../internal/validate.js';
import type { BookingRecord } from './bookingRecord.js';
import { asBookingTable, STATUS_CANCELLED, STATUS_NO_SHOW, type BookingTable } from './bookingTable.js';
import { fromEpochDay, parseEpochDay } from './epochDay.js';
import { groupIndex, measureOf, nightRange, optionsObject, type NightGridOptions } from './nightGrid.js';

export const BOOKING_CURVES_DEFAULTS = {
  maxDba: 365,
  stay: 'night' as 'night' | 'arrival',
} as const;

export interface BookingCurvesOptions extends NightGridOptions {
  /** The longest horizon, in days before arrival: a whole number ≥ 0 (default 365). */
  readonly maxDba?: number;
  /** 'night': a booking counts on each night it occupies; 'arrival': only on its arrival night. */
  readonly stay?: 'night' | 'arrival';
}

export interface BookingCurves {
  readonly firstNight: string;
  readonly lastNight: string;
  readonly days: number;
  readonly keys: readonly string[];
  readonly maxDba: number;
  readonly stay: 'night' | 'arrival';
  /** `values[(k * days + t) * (maxDba + 1) + d]`: group keys[k], night firstNight + t, DBA d. */
  readonly values: Float64Array;
  /** `total[t * (maxDba + 1) + d]`: all groups. */
  readonly total: Float64Array;
}

/**
 * Booking curves: for each stay night (or arrival night) and group, the rooms on the books at the close
 * of each day before arrival, DBA = 0 … maxDba. Row by row they show how a night filled up; averaged
 * over similar nights they are the raw material of pick-up forecasting and of unconstraining.
 *
 *   BC(n, g, d) = rooms on the books at the close of day n − d          (d = days before night n)
 *               = Σ rooms_i over bookings i of group g occupying night n with
 *                 bookingDay_i ≤ n − d  and not (status_i ∈ {cancelled, no-show} and knownDay_i ≤ n − d)
 *               = OTB_{n−d+1}(n, g), i.e. onTheBooks(records, n − d + 1) — the books known at the start
 *                 of the next day.
 *
 * So DBA 0 includes same-day bookings (lead time 0) and excludes the cancellations and the no-shows
 * recorded on the night itself: for stay nights, BC(n, g, 0) equals the rooms that actually stayed
 * (`occupancy`) whenever every cancellation is dated on or before the night. A booking made more than
 * maxDba days ahead counts from DBA = maxDba on (the books at maxDba include everything booked earlier).
 *
 * `stay: 'night'` (default) counts a booking on every night it occupies (for capacity: stay-night
 * curves); `stay: 'arrival'` counts it only on its arrival night (arrival curves, the unit of most
 * pick-up models for hotels). Cost: O(room-nights + groups × nights × maxDba), typed arrays only.
 *
 * Reference: Talluri & van Ryzin (2004), §9.4.1 and fig. 9.4 (booking curves by days before
 * departure); Weatherford & Kimes (2003), IJF 19, §2 (bookings on hand by DBA).
 *
 * @param records - booking records, or a `bookingTable` of them
 * @param options.maxDba - the longest horizon in days before arrival (default 365)
 * @param options.stay - 'night' (default) or 'arrival'
 * @param options - also `firstNight`, `lastNight`, `by`, `keys`, `measure`: as for the night grids
 * @returns the curves in one Float64Array: `values[(k · days + t) · (maxDba + 1) + d]`, and `total`
 *   over groups `[t · (maxDba + 1) + d]`; read them with {@link curveOf} / {@link curveValue}
 * @example
 * import { bookingCurves, curveOf } from 'yieldcraft/history';
 * const records = [
 *   { bookingDate: '2016-07-01', arrivalDate: '2016-08-14', nights: 2, rooms: 1, segment: 'Direct', rate: 120, status: 'stayed' },
 *   { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Online TA', rate: 90, status: 'stayed' },
 *   { bookingDate: '2016-07-20', arrivalDate: '2016-08-15', nights: 3, rooms: 1, segment: 'Online TA', rate: 80,
 *     status: 'cancelled', statusDate: '2016-08-01' },
 * ] as const;
 * const c = bookingCurves(records, { maxDba: 30 });
 * Array.from(curveOf(c, '2016-08-15')).slice(0, 7);  // => [3, 3, 3, 3, 3, 3, 1]   (Online TA's 2 rooms booked 5 days out)
 * curveOf(c, '2016-08-15')[14];                         // => 1   (14 days out: 1 August, cancelled that day)
 * curveOf(c, '2016-08-15')[15];                         // => 2   (close of 31 July: the cancelled booking still held)
 */
export function bookingCurves(records: readonly BookingRecord[] | BookingTable, options?: BookingCurvesOptions): BookingCurves {
  const table = asBookingTable(records);
  optionsObject(options);
  const measure = measureOf(options);
  const maxDba = options?.maxDba ?? BOOKING_CURVES_DEFAULTS.maxDba;
  if (typeof maxDba !== 'number' || !Number.isInteger(maxDba) || maxDba < 0 || maxDba > 100_000)
    fail('options.maxDba', `must be a whole number of days in 0 … 100000, got ${String(maxDba)}`);
  const stay = options?.stay ?? BOOKING_CURVES_DEFAULTS.stay;
  if (stay !== 'night' && stay !== 'arrival') fail('options.stay', `must be 'night' or 'arrival', got ${JSON.stringify(stay)}`);
  const { keys, index } = groupIndex(table, options?.by, options?.keys);

  const n = table.length;
  const { bookingDay, arrivalDay, nights, rooms, rate, status, knownDay } = table;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if ((index[i] as number) < 0) continue;
    const a = arrivalDay[i] as number;
    const e = stay === 'night' ? a + (nights[i] as number) - 1 : a;
    if (a < lo) lo = a;
    if (e > hi) hi = e;
  }
  const range = nightRange(options, lo === Infinity ? Number.NaN : lo, hi === -Infinity ? Number.NaN : hi);
  const { first, days } = range;
  const width = maxDba + 1;
  const size = keys.length * days * width;
  if (size > 2 ** 28) fail('options', `the curves would hold ${size} cells: narrow the nights, the groups or maxDba`);
  // Difference arrays along DBA: +w at the first DBA a booking counts, −w one past the last (if ≤ maxDba).
  const values = new Float64Array(size);
  const end = first + days;
  for (let i = 0; i < n; i++) {
    const k = index[i] as number;
    if (k < 0) continue;
    const a = arrivalDay[i] as number;
    const from = a > first ? a : first;
    const stop0 = stay === 'night' ? a + (nights[i] as number) : a + 1;
    const stop = stop0 < end ? stop0 : end;
    if (from >= stop) continue;
    const b = bookingDay[i] as number;
    const s = status[i] as number;
    const removed = s === STATUS_CANCELLED || s === STATUS_NO_SHOW;
    const kd = knownDay[i] as number;
    const w = measure === 'rooms' ? (rooms[i] as number) : (rooms[i] as number) * (rate[i] as number);
    for (let night = from; night < stop; night++) {
      // counts for d with n − d ≥ b (d ≤ night − b) and, if removed, n − d < kd (d ≥ night − kd + 1)
      let dHi = night - b;
      if (dHi > maxDba) dHi = maxDba;
      let dLo = removed ? night - kd + 1 : 0;
      if (dLo < 0) dLo = 0;
      if (dLo > dHi) continue;
      const o = (k * days + (night - first)) * width;
      values[o + dLo] = (values[o + dLo] as number) + w;
      if (dHi < maxDba) values[o + dHi + 1] = (values[o + dHi + 1] as number) - w;
    }
  }
  const total = new Float64Array(days * width);
  for (let k = 0; k < keys.length; k++) {
    for (let t = 0; t < days; t++) {
      const o = (k * days + t) * width;
      const ot = t * width;
      let run = 0;
      for (let d = 0; d < width; d++) {
        run += values[o + d] as number;
        values[o + d] = run;
        total[ot + d] = (total[ot + d] as number) + run;
      }
    }
  }
  return {
    firstNight: days > 0 ? fromEpochDay(first) : '',
    lastNight: days > 0 ? fromEpochDay(first + days - 1) : '',
    days,
    keys,
    maxDba,
    stay,
    values,
    total,
  };
}

function cell(curves: BookingCurves, night: string, key: string | undefined): { t: number; k: number } {
  const d = parseEpochDay(night);
  if (Number.isNaN(d)) fail('night', `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(night)}`);
  let k = -1;
  if (key !== undefined) {
    k = curves.keys.indexOf(key);
    if (k < 0) fail('key', `${JSON.stringify(key)} is not a group of these curves (${curves.keys.join(', ')})`, 'unknown-reference');
  }
  const t = curves.days === 0 ? -1 : d - parseEpochDay(curves.firstNight);
  return { t: t >= 0 && t < curves.days ? t : -1, k };
}

/**
 * The booking curve of one night (and group; all groups when `key` is omitted): a new Float64Array of
 * length maxDba + 1, index = DBA. A night outside the curves gives zeros.
 */
export function curveOf(curves: BookingCurves, night: string, key?: string): Float64Array {
  const { t, k } = cell(curves, night, key);
  const width = curves.maxDba + 1;
  if (t < 0) return new Float64Array(width);
  return k < 0
    ? curves.total.slice(t * width, (t + 1) * width)
    : curves.values.slice((k * curves.days + t) * width, (k * curves.days + t + 1) * width);
}

/** One point of a booking curve: rooms on the books for `night` at the close of `dba` days before. */
export function curveValue(curves: BookingCurves, night: string, dba: number, key?: string): number {
  object(curves, 'curves');
  if (!Number.isInteger(dba) || dba < 0 || dba > curves.maxDba)
    fail('dba', `must be a whole number in 0 … ${curves.maxDba}, got ${dba}`);
  const { t, k } = cell(curves, night, key);
  if (t < 0) return 0;
  const width = curves.maxDba + 1;
  return k < 0 ? (curves.total[t * width + dba] as number) : (curves.values[(k * curves.days + t) * width + dba] as number);
}
