import { array, fail, nonNegativeInteger, object, positiveInteger } from '../internal/validate.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { parseEpochDay, fromEpochDay } from '../history/epochDay.js';
import { CANCELLED, NO_SHOW, lastOnBooks, prepareRecords, type Prepared } from './internal/records.js';

export const CANCELLATION_RATES_DEFAULTS = {
  by: 'segment',
  lookbackDays: 365,
  buckets: [0, 1, 3, 7, 14, 30, 60, 90, 180],
} as const;

export interface CancellationRatesOptions {
  readonly asOf: string;
  readonly by?: 'segment' | 'total';
  readonly lookbackDays?: number;
  readonly buckets?: readonly number[];
  readonly property?: string;
}

export interface CancellationRate {
  /** The segment (absent for 'total'). */
  readonly segment?: string;
  readonly fromLead: number;
  /** Exclusive end of the bucket; null for the last, open-ended one. */
  readonly toLead: number | null;
  /** Room-nights on the books at these leads, over the window. */
  readonly onTheBooks: number;
  readonly cancelProbability: number;
  readonly noShowProbability: number;
  readonly showUpProbability: number;
  /** true when the bucket had nothing on the books and holds the key's rate over all leads. */
  readonly pooled: boolean;
}

export interface CancellationRates {
  readonly status: 'ok' | 'insufficient-history';
  readonly asOf: string;
  readonly buckets: readonly number[];
  readonly rates: readonly CancellationRate[];
}

/** Tallies per key × bucket (on books, cancelled, no-show), as of D. @internal */
export function tallyCancellations(
  p: Prepared,
  asOf: number,
  lookback: number,
  buckets: readonly number[],
  keyMode: 'total' | 'segment',
): { keys: string[]; tally: Float64Array } {
  const keys = keyMode === 'total' ? ['total'] : [...p.segments];
  const nb = buckets.length;
  const maxLead = 4000;
  const bucketOf = new Int32Array(maxLead + 1);
  for (let L = 0, b = 0; L <= maxLead; L++) {
    while (b + 1 < nb && L >= buckets[b + 1]!) b++;
    bucketOf[L] = b;
  }
  // difference arrays over leads per key × (on books, cancelled, no-show), then pooled into buckets
  const W = maxLead + 2;
  const diff = new Float64Array(keys.length * 3 * W);
  const from = asOf - lookback;
  for (let j = 0; j < p.length; j++) {
    const b = p.bookingDay[j]!;
    if (b >= asOf) continue;
    const s = p.status[j]!;
    const k = p.knownDay[j]!;
    const outcome = (s === CANCELLED || s === NO_SHOW) && k < asOf ? s : 0;
    const end = lastOnBooks(p, j, asOf);
    const key = keyMode === 'total' ? 0 : p.segment[j]!;
    const a = p.arrivalDay[j]!;
    const rooms = p.rooms[j]!;
    const last = Math.min(a + p.nights[j]! - 1, asOf - 1);
    const off = key * 3 * W;
    for (let n = Math.max(a, from); n <= last; n++) {
      const lo = Math.max(0, n - Math.min(end, asOf));
      const hi = Math.min(maxLead, n - b - 1);
      if (lo > hi) continue;
      diff[off + lo]! += rooms;
      diff[off + hi + 1]! -= rooms;
      if (outcome === CANCELLED) {
        diff[off + W + lo]! += rooms;
        diff[off + W + hi + 1]! -= rooms;
      } else if (outcome === NO_SHOW) {
        diff[off + 2 * W + lo]! += rooms;
        diff[off + 2 * W + hi + 1]! -= rooms;
      }
    }
  }
  const tally = new Float64Array(keys.length * nb * 3);
  for (let key = 0; key < keys.length; key++)
    for (let c = 0; c < 3; c++) {
      const off = (key * 3 + c) * W;
      let acc = 0;
      for (let L = 0; L <= maxLead; L++) {
        acc += diff[off + L]!;
        tally[(key * nb + bucketOf[L]!) * 3 + c]! += acc;
      }
    }
  return { keys, tally };
}

/** Reads and checks bucket starts. @internal */
export function readBuckets(x: unknown, path: string): number[] {
  const list = array<unknown>(x, path);
  if (list.length === 0) fail(path, 'must not be empty', 'empty');
  const out = list.map((v, i) => nonNegativeInteger(v, `${path}[${i}]`));
  if (out[0] !== 0) fail(`${path}[0]`, `must be 0 (the first bucket starts at lead 0), got ${out[0]}`);
  for (let i = 1; i < out.length; i++) if (!(out[i]! > out[i - 1]!)) fail(`${path}[${i}]`, `must be greater than ${out[i - 1]}`, 'unsorted');
  return out;
}

/**
 * Cancellation and no-show probabilities by segment and lead time: of the room-nights on the books a
 * given number of days before the night, the share later cancelled, the share that did not show, and
 * the share that stayed (the show-up probability that overbooking needs).
 *
 * Reference: Talluri & van Ryzin (2004), §9.4.4 (cancellation and no-show forecasting: rates conditional
 * on the time to departure) and §4.2 (overbooking needs the show-up probability); Phillips (2005), §8.2.
 * Estimated from nights whose outcome is known as of `asOf` (the `lookbackDays` nights before it); only
 * information dated before `asOf` is used, like `historyAsOf`.
 *
 * For each night n in the window and each booking covering it that was on the books at lead L (made
 * before day n − L and not yet cancelled then), its `rooms` count towards bucket(L)'s on-the-books, and
 * towards its cancelled / no-show tally when that is what became of it:
 *
 *   p_cancel(L) = cancelled / onTheBooks,  p_noShow(L) = noShow / onTheBooks,  p_show(L) = 1 − both
 *
 * Lead times are pooled in `buckets` (bucket i = leads [b_i, b_{i+1}), the last open-ended). A bucket
 * with nothing on the books takes its key's pooled rate over all leads (flagged `pooled: true`).
 *
 * @param records - booking records (`BookingRecord`)
 * @param options.asOf - ISO date; outcomes known before it are used
 * @param options.by - 'segment' (default) or 'total'
 * @param options.lookbackDays - nights before `asOf` to learn from (default 365)
 * @param options.buckets - lead-time bucket starts, ascending from 0 (default 0, 1, 3, 7, 14, 30, 60, 90, 180)
 * @param options.property - only records of this property
 * @returns `{ status, rates }`, one row per key × bucket with `onTheBooks` (room-nights),
 *   `cancelProbability`, `noShowProbability`, `showUpProbability`, `pooled`
 * @example
 * // (not run: needs booking records, e.g. readHotelBookingsCsv of the hotel data set in data/hotel-bookings)
 * import { cancellationRates } from 'yieldcraft/forecast';
 * const r = cancellationRates(records, { asOf: '2017-01-01', by: 'segment' });
 * r.rates.find((x) => x.segment === 'Groups' && x.fromLead === 30)?.showUpProbability; // => 0.6… (data)
 */
export function cancellationRates(records: readonly BookingRecord[], options: CancellationRatesOptions): CancellationRates {
  const o = object(options, 'options');
  const asOf = parseEpochDay(o.asOf);
  if (Number.isNaN(asOf)) fail('options.asOf', `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const by = o.by ?? CANCELLATION_RATES_DEFAULTS.by;
  if (by !== 'segment' && by !== 'total') fail('options.by', `must be 'segment' or 'total', got ${JSON.stringify(by)}`);
  const lookback = o.lookbackDays === undefined ? CANCELLATION_RATES_DEFAULTS.lookbackDays : positiveInteger(o.lookbackDays, 'options.lookbackDays');
  const buckets = o.buckets === undefined ? [...CANCELLATION_RATES_DEFAULTS.buckets] : readBuckets(o.buckets, 'options.buckets');
  const p = prepareRecords(records, o.property as string | undefined);
  const { keys, tally } = tallyCancellations(p, asOf, lookback, buckets, by);
  return { ...ratesFromTally(keys, tally, buckets, by), asOf: fromEpochDay(asOf) };
}

/** Turns tallies into rate rows (pooling empty buckets). @internal */
export function ratesFromTally(
  keys: readonly string[],
  tally: Float64Array,
  buckets: readonly number[],
  by: 'segment' | 'total',
): { status: 'ok' | 'insufficient-history'; buckets: number[]; rates: CancellationRate[] } {
  const nb = buckets.length;
  const rates: CancellationRate[] = [];
  let any = false;
  keys.forEach((key, ki) => {
    let tb = 0;
    let tc = 0;
    let tn = 0;
    for (let b = 0; b < nb; b++) {
      const base = (ki * nb + b) * 3;
      tb += tally[base]!;
      tc += tally[base + 1]!;
      tn += tally[base + 2]!;
    }
    if (tb > 0) any = true;
    for (let b = 0; b < nb; b++) {
      const base = (ki * nb + b) * 3;
      const books = tally[base]!;
      const pooled = books === 0;
      const denom = pooled ? tb : books;
      const c = denom > 0 ? (pooled ? tc : tally[base + 1]!) / denom : 0;
      const ns = denom > 0 ? (pooled ? tn : tally[base + 2]!) / denom : 0;
      rates.push({
        ...(by === 'segment' ? { segment: key } : {}),
        fromLead: buckets[b]!,
        toLead: b + 1 < nb ? buckets[b + 1]! : null,
        onTheBooks: books,
        cancelProbability: c,
        noShowProbability: ns,
        showUpProbability: Math.max(0, 1 - c - ns),
        pooled,
      });
    }
  });
  return { status: any ? 'ok' : 'insufficient-history', buckets: [...buckets], rates };
}
