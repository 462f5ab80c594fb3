/**
 * Booking records laid out in typed arrays for the forecasting kernels (validated by hand for speed,
 * naming the field). The "known" rule matches `history/`: a status change on day k is known as of day
 * D when k < D; k is `statusDate`, or without one the arrival day (cancellation, no-show) or the
 * departure day (stay). A private helper: `history/` owns the public booking table.
 * @internal
 */
import { fail, join } from '../../internal/validate.js';
import { parseEpochDay } from '../../history/epochDay.js';
import type { BookingRecord } from '../../history/bookingRecord.js';

export const ACTIVE = 0;
export const CANCELLED = 1;
export const NO_SHOW = 2;
export const STAYED = 3;
const CODES: Readonly<Record<string, number>> = { active: ACTIVE, cancelled: CANCELLED, 'no-show': NO_SHOW, stayed: STAYED };
export const NEVER = 2147483647;

export interface Prepared {
  readonly length: number;
  readonly bookingDay: Int32Array;
  readonly arrivalDay: Int32Array;
  readonly nights: Int32Array;
  readonly rooms: Int32Array;
  readonly rate: Float64Array;
  readonly status: Uint8Array;
  readonly knownDay: Int32Array;
  /** Segment index per record into `segments` (sorted names). */
  readonly segment: Int32Array;
  readonly segments: readonly string[];
  readonly firstNight: number;
  readonly lastNight: number;
}

export function prepareRecords(records: readonly BookingRecord[], property?: string, path = 'records'): Prepared {
  if (!Array.isArray(records)) fail(path, `must be an array of booking records, got ${typeof records}`, 'invalid-type');
  const keep: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as BookingRecord | undefined;
    if (typeof r !== 'object' || r === null) fail(join(path, i), 'must be a booking record object', 'invalid-type');
    if (property === undefined || r.property === property) keep.push(i);
  }
  const n = keep.length;
  const bookingDay = new Int32Array(n);
  const arrivalDay = new Int32Array(n);
  const nights = new Int32Array(n);
  const rooms = new Int32Array(n);
  const rate = new Float64Array(n);
  const status = new Uint8Array(n);
  const knownDay = new Int32Array(n);
  const segment = new Int32Array(n);
  const segNames = new Map<string, number>();
  let first = Infinity;
  let last = -Infinity;
  for (let j = 0; j < n; j++) {
    const i = keep[j]!;
    const r = records[i]!;
    const p = join(path, i);
    const b = parseEpochDay(r.bookingDate);
    if (Number.isNaN(b)) fail(join(p, 'bookingDate'), `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(r.bookingDate)}`);
    const a = parseEpochDay(r.arrivalDate);
    if (Number.isNaN(a)) fail(join(p, 'arrivalDate'), `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(r.arrivalDate)}`);
    if (a < b) fail(join(p, 'arrivalDate'), `must not be before the booking date ${r.bookingDate}`);
    if (!Number.isInteger(r.nights) || r.nights < 1) fail(join(p, 'nights'), `must be a whole number ≥ 1, got ${String(r.nights)}`);
    if (!Number.isInteger(r.rooms) || r.rooms < 1) fail(join(p, 'rooms'), `must be a whole number ≥ 1, got ${String(r.rooms)}`);
    if (typeof r.rate !== 'number' || !Number.isFinite(r.rate) || r.rate < 0) fail(join(p, 'rate'), `must be a finite number ≥ 0, got ${String(r.rate)}`);
    if (typeof r.segment !== 'string' || r.segment === '') fail(join(p, 'segment'), `must be a non-empty string, got ${JSON.stringify(r.segment)}`);
    const s = CODES[r.status as string];
    if (s === undefined) fail(join(p, 'status'), `must be one of active, cancelled, no-show, stayed, got ${JSON.stringify(r.status)}`);
    let k: number;
    if (r.statusDate !== undefined) {
      k = parseEpochDay(r.statusDate);
      if (Number.isNaN(k)) fail(join(p, 'statusDate'), `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(r.statusDate)}`);
    } else k = s === STAYED ? a + r.nights : a;
    bookingDay[j] = b;
    arrivalDay[j] = a;
    nights[j] = r.nights;
    rooms[j] = r.rooms;
    rate[j] = r.rate;
    status[j] = s;
    knownDay[j] = s === ACTIVE ? NEVER : k;
    let si = segNames.get(r.segment);
    if (si === undefined) segNames.set(r.segment, (si = segNames.size));
    segment[j] = si;
    if (a < first) first = a;
    if (a + r.nights - 1 > last) last = a + r.nights - 1;
  }
  // renumber segments in sorted name order so results do not depend on record order
  const names = [...segNames.keys()].sort();
  const remap = new Int32Array(names.length);
  names.forEach((name, idx) => (remap[segNames.get(name)!] = idx));
  for (let j = 0; j < n; j++) segment[j] = remap[segment[j]!]!;
  return {
    length: n,
    bookingDay,
    arrivalDay,
    nights,
    rooms,
    rate,
    status,
    knownDay,
    segment,
    segments: names,
    firstNight: n === 0 ? Number.NaN : first,
    lastNight: n === 0 ? Number.NaN : last,
  };
}

/**
 * The last day on which record j is on the books, as seen from day `asOf` (exclusive upper bound of
 * knowledge): a cancellation or no-show known before `asOf` ends it on its known day; otherwise it
 * stays on the books (NEVER).
 */
export function lastOnBooks(p: Prepared, j: number, asOf: number): number {
  const s = p.status[j]!;
  const k = p.knownDay[j]!;
  return (s === CANCELLED || s === NO_SHOW) && k < asOf ? k : NEVER;
}
