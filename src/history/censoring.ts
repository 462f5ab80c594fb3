import { fail, join, nonNegative } from '../internal/validate.js';
import type { BookingRecord } from './bookingRecord.js';
import { asBookingTable, type BookingTable } from './bookingTable.js';
import { BOOKING_CURVES_DEFAULTS, bookingCurves } from './bookingCurves.js';
import { fromEpochDay, parseEpochDay } from './epochDay.js';
import { groupIndex, nightRange, optionsObject, type NightGridOptions } from './nightGrid.js';

/** A rate, segment or class closed for sale for some stay nights during some booking days. */
export interface Closure {
  /** The group closed (a segment, or whatever `options.by` returns); all groups when left out. */
  readonly key?: string;
  /** First stay night closed, ISO. */
  readonly firstNight: string;
  /** Last stay night closed, ISO, included. */
  readonly lastNight: string;
  /** First booking day of the closure, ISO; left out: closed from the start of the booking window. */
  readonly closedFrom?: string;
  /** Last booking day of the closure, ISO, included; left out: closed up to the night itself. */
  readonly closedUntil?: string;
}

export interface CensoringOptions extends Omit<NightGridOptions, 'measure'> {
  readonly capacity?: number | ((night: string) => number);
  readonly closures?: readonly Closure[];
  readonly maxDba?: number;
}

export interface CensoringMarks {
  readonly firstNight: string;
  readonly lastNight: string;
  readonly days: number;
  readonly keys: readonly string[];
  readonly maxDba: number;
  /** Per night: the largest DBA at whose close the books were at or above capacity, −1 never. */
  readonly soldOutDba: Int32Array;
  /** Per group and night (`k · days + t`): the largest DBA on which the group was closed, −1 never. */
  readonly closedDba: Int32Array;
  /** Per group and night: 1 when censored (sold out or closed), else 0. */
  readonly censored: Uint8Array;
}

function isoArg(x: unknown, path: string): number {
  const d = parseEpochDay(x);
  if (Number.isNaN(d)) fail(path, `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(x)}`);
  return d;
}

/**
 * Censoring marks: the nights and groups for which the recorded bookings understate demand because
 * requests were turned away — the hotel was sold out, or the group's rate (class) was closed for sale.
 * Forecasting methods must not read such nights as low demand: unconstraining (EM, projection
 * detruncation) treats their bookings as lower bounds instead.
 *
 * Two causes, each with the largest days-before-arrival (DBA) at which it struck, so that a pick-up
 * model can censor a booking curve from that DBA on:
 * - sold out: `soldOutDba[t]` = the largest d in 0 … maxDba at whose close the books for night
 *   n = firstNight + t (all groups, rooms; `bookingCurves` totals) reached `capacity(n)`, or −1 when
 *   they never did. Capacity is the user's (the data set holds none); pass the records of one property.
 * - closed: a {@link Closure} closes a group (or every group) for stay nights `firstNight … lastNight`
 *   during booking days `closedFrom … closedUntil` (both included; open-ended when left out).
 *   `closedDba[k · days + t]` = the largest d in 0 … maxDba with day n − d inside a closure of group k
 *   for night n, or −1.
 * `censored[k · days + t]` is 1 when either applies to group k on night n.
 *
 * Reference: Talluri & van Ryzin (2004), §9.4.2 (censored demand and unconstraining); Weatherford &
 * Pölt (2002), "Better unconstraining of airline demand data in revenue management systems for improved
 * forecast accuracy and greater revenues", JRPM 1(3) (a flight is censored when its class closed or
 * the cabin filled).
 *
 * @param records - booking records (one property), or a `bookingTable` of them
 * @param options.capacity - rooms a night: a whole number ≥ 0, or a function of the night (ISO) giving
 *   one; leave out to mark closures only
 * @param options.closures - rate or segment closures (see {@link Closure}); keys must be groups
 * @param options.maxDba - the horizon in days before arrival (default 365)
 * @param options - also `firstNight`, `lastNight`, `by`, `keys`: as for the night grids (default nights:
 *   those of the records and the closures)
 * @example
 * import { censoring } from 'yieldcraft/history';
 * const records = [
 *   { bookingDate: '2016-08-01', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Direct', rate: 120, status: 'stayed' },
 *   { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 2, rooms: 1, segment: 'Groups', rate: 70, status: 'stayed' },
 * ] as const;
 * const m = censoring(records, { capacity: 3, maxDba: 30,
 *   closures: [{ key: 'Groups', firstNight: '2016-08-16', lastNight: '2016-08-16', closedFrom: '2016-08-12' }] });
 * Array.from(m.soldOutDba);  // => [5, -1]      (15 Aug full at the close of 10 Aug; 16 Aug never)
 * Array.from(m.closedDba);   // => [-1, -1, -1, 4]  (Direct: none; Groups: 16 Aug closed from 12 Aug, 4 days out)
 * Array.from(m.censored);    // => [1, 0, 1, 1]
 */
export function censoring(records: readonly BookingRecord[] | BookingTable, options?: CensoringOptions): CensoringMarks {
  const table = asBookingTable(records);
  optionsObject(options);
  const maxDba = options?.maxDba ?? BOOKING_CURVES_DEFAULTS.maxDba;
  if (typeof maxDba !== 'number' || !Number.isInteger(maxDba) || maxDba < 0 || maxDba > 100_000)
    fail('options.maxDba', `must be a whole number of days in 0 … 100000, got ${String(maxDba)}`);

  // Closures, checked.
  const rawClosures = options?.closures ?? [];
  if (!Array.isArray(rawClosures)) fail('options.closures', 'must be an array of closures', 'invalid-type');
  const closures = rawClosures.map((c: Closure, i) => {
    const p = join('options.closures', i);
    if (typeof c !== 'object' || c === null) fail(p, 'must be a closure object', 'invalid-type');
    const n0 = isoArg(c.firstNight, join(p, 'firstNight'));
    const n1 = isoArg(c.lastNight, join(p, 'lastNight'));
    if (n1 < n0) fail(join(p, 'lastNight'), `must not be before firstNight (${c.firstNight})`, 'unsorted');
    const from = c.closedFrom === undefined ? -Infinity : isoArg(c.closedFrom, join(p, 'closedFrom'));
    const until = c.closedUntil === undefined ? Infinity : isoArg(c.closedUntil, join(p, 'closedUntil'));
    if (until < from) fail(join(p, 'closedUntil'), `must not be before closedFrom (${c.closedFrom})`, 'unsorted');
    if (c.key !== undefined && (typeof c.key !== 'string' || c.key === ''))
      fail(join(p, 'key'), 'must be a non-empty string (or left out for every group)', 'invalid-type');
    return { key: c.key, n0, n1, from, until };
  });
  const closureKeys = closures.flatMap((c) => (c.key === undefined ? [] : [c.key]));
  const { keys, index } = groupIndex(table, options?.by, options?.keys, closureKeys);

  // Nights: the records' span joined with the closures'.
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < table.length; i++) {
    if ((index[i] as number) < 0) continue;
    const a = table.arrivalDay[i] as number;
    if (a < lo) lo = a;
    const e = a + (table.nights[i] as number) - 1;
    if (e > hi) hi = e;
  }
  for (const c of closures) {
    if (c.n0 < lo) lo = c.n0;
    if (c.n1 > hi) hi = c.n1;
  }
  const { first, days } = nightRange(options, lo === Infinity ? Number.NaN : lo, hi === -Infinity ? Number.NaN : hi);
  const nk = keys.length;

  // Sold out: the total booking curve against capacity.
  const soldOutDba = new Int32Array(days).fill(-1);
  const capacity = options?.capacity;
  if (capacity !== undefined) {
    if (typeof capacity !== 'number' && typeof capacity !== 'function')
      fail('options.capacity', 'must be a number or a function of the night', 'invalid-type');
    if (typeof capacity === 'number') nonNegative(capacity, 'options.capacity');
    if (days > 0) {
      // Every booking counts against capacity, whatever its group and whether its group is listed.
      const curves = bookingCurves(table, {
        maxDba,
        firstNight: fromEpochDay(first),
        lastNight: fromEpochDay(first + days - 1),
        by: () => 'all',
      });
      const width = maxDba + 1;
      for (let t = 0; t < days; t++) {
        let cap: number;
        if (typeof capacity === 'number') cap = capacity;
        else {
          const night = fromEpochDay(first + t);
          cap = nonNegative(capacity(night), `options.capacity(${night})`);
        }
        for (let d = maxDba; d >= 0; d--) {
          if ((curves.total[t * width + d] as number) >= cap) {
            soldOutDba[t] = d;
            break;
          }
        }
      }
    }
  }

  // Closures.
  const closedDba = new Int32Array(nk * days).fill(-1);
  const keyPos = new Map(keys.map((k, i) => [k, i]));
  for (const c of closures) {
    const ks = c.key === undefined ? keys.map((_, i) => i) : [keyPos.get(c.key) as number];
    const n0 = Math.max(c.n0, first);
    const n1 = Math.min(c.n1, first + days - 1);
    for (let night = n0; night <= n1; night++) {
      // closed on DBA d when the booking day night − d is in [from, until]
      const dLo = Math.max(0, night - c.until);
      const dHi = Math.min(maxDba, night - c.from);
      if (dLo > dHi) continue;
      for (const k of ks) {
        const j = k * days + (night - first);
        if (dHi > (closedDba[j] as number)) closedDba[j] = dHi;
      }
    }
  }

  const censored = new Uint8Array(nk * days);
  for (let k = 0; k < nk; k++)
    for (let t = 0; t < days; t++)
      censored[k * days + t] = (soldOutDba[t] as number) >= 0 || (closedDba[k * days + t] as number) >= 0 ? 1 : 0;

  return {
    firstNight: days > 0 ? fromEpochDay(first) : '',
    lastNight: days > 0 ? fromEpochDay(first + days - 1) : '',
    days,
    keys,
    maxDba,
    soldOutDba,
    closedDba,
    censored,
  };
}
