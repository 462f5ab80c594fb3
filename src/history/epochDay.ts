/**
 * Calendar days as integers: the number of days since 1970-01-01 (the "epoch day"), so that lead times,
 * stay nights and "days before arrival" are plain integer subtraction and a year of nights is an index
 * into a typed array. All dates in `history/` are calendar dates without a time zone (YYYY-MM-DD); no
 * `Date` object, time zone or daylight-saving rule is involved.
 *
 * Reference: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013), `days_from_civil` and
 * `civil_from_days`: the proleptic Gregorian calendar in eras of 400 years (146,097 days), with the year
 * starting on 1 March so that the leap day is the last day of the year.
 *
 * Notation: y, m, d are year, month 1..12, day 1..31; the epoch day of 1970-01-01 is 0, of 1969-12-31 −1.
 *
 * @example
 * import { toEpochDay, fromEpochDay } from 'yieldcraft/history';
 * toEpochDay('2016-03-01');  // => 16861
 * fromEpochDay(16861 - 1);   // => '2016-02-29'
 * toEpochDay('2017-02-29');  // => throws YieldInputError (not a calendar date)
 */
import { fail } from '../internal/validate.js';

/** Days from 1970-01-01 to the civil date y-m-d (any integers with 1 ≤ m ≤ 12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400; // [0, 399]
  const mp = m > 2 ? m - 3 : m + 9; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** Days in month m (1..12) of year y in the Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const ZERO = 48;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - ZERO;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * The epoch day of an ISO date `YYYY-MM-DD` (exactly 10 characters, a real calendar date), or NaN when
 * the text is not one. Allocation-free; used by the hot paths, which report their own error paths.
 */
export function parseEpochDay(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = digit(s, 0), y1 = digit(s, 1), y2 = digit(s, 2), y3 = digit(s, 3);
  const m0 = digit(s, 5), m1 = digit(s, 6), d0 = digit(s, 8), d1 = digit(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return Number.NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d);
}

/** Is `s` an ISO calendar date `YYYY-MM-DD` that exists (no 2017-02-29, no 2016-13-01)? */
export function isIsoDate(s: unknown): s is string {
  return !Number.isNaN(parseEpochDay(s));
}

/**
 * The epoch day (days since 1970-01-01) of an ISO date; throws a YieldInputError naming `path` when the
 * text is not a real calendar date in the form YYYY-MM-DD.
 */
export function toEpochDay(date: string, path = 'date'): number {
  const n = parseEpochDay(date);
  if (Number.isNaN(n)) fail(path, `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The ISO date `YYYY-MM-DD` of an epoch day (an integer; years 0000..9999). */
export function fromEpochDay(day: number, path = 'day'): string {
  if (!Number.isInteger(day)) fail(path, `must be a whole number of days, got ${day}`);
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March = 0
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) fail(path, `gives year ${y}, outside 0000..9999`);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** `date` plus `days` (may be negative), as an ISO date. */
export function addDays(date: string, days: number, path = 'date'): string {
  if (!Number.isInteger(days)) fail('days', `must be a whole number, got ${days}`);
  return fromEpochDay(toEpochDay(date, path) + days);
}

/** Day of week of an epoch day: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: number): number {
  if (!Number.isInteger(day)) fail('day', `must be a whole epoch day number, got ${String(day)}`, typeof day === 'number' ? 'invalid' : 'invalid-type');
  return (((day + 4) % 7) + 7) % 7;
}
